"""Named exceptions the library raises; the CLI turns each into one `Error: ...` line."""

from __future__ import annotations


class TollbookError(Exception):
    """Base of every error tollbook reports to a user. The message is one line."""


class DatabaseError(TollbookError):
    """The database cannot be reached, parsed or written."""


class SchemaError(DatabaseError):
    """The database schema is missing, older or newer than this tollbook."""


class InputError(TollbookError):
    """A file, folder or manifest given to tollbook cannot be used."""


class ManifestError(InputError):
    """A sources manifest is malformed or points at something that is not there."""


class DecodeError(InputError):
    """A text file is not in an encoding tollbook can read without being told."""


class NotFoundError(TollbookError):
    """A source, event or actor named by the user does not exist."""
