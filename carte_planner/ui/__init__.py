"""The desktop window: PySide6 widgets that show a journey and edit a request."""
