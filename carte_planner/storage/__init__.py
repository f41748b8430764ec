"""Plan files and safe writes: bytes to disk and back. No Qt."""
