"""Journeys to bytes: the calendar file and the printable document. No Qt."""
