"""Publishing a plan to a CalDAV calendar server, and keeping it up to date in place.

No Qt here; the network is touched only when the user asks to publish, and `caldav` and
`keyring` are imported only by this package, never at start-up.
"""
