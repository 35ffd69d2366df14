"""Errors the library raises for input it cannot analyse.

Every error carries a stable machine-readable ``code`` (the API returns it unchanged and
clients branch on it) and a one-line human message. Codes never change meaning between
releases; new situations get new codes.
"""


class FramingError(Exception):
    """Base class: the input or a setting cannot be analysed as given."""

    code = "framing_error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class EmptyText(FramingError):
    code = "empty_text"


class InvalidType(FramingError):
    """The text (or title) is not a string: None, a number, undecoded bytes."""

    code = "invalid_type"


class TextTooLong(FramingError):
    code = "text_too_long"


class BinaryInput(FramingError):
    code = "binary_input"


class InvalidEncoding(FramingError):
    code = "invalid_encoding"


class HtmlInput(FramingError):
    code = "html_not_supported"


class UnsupportedLanguage(FramingError):
    code = "unsupported_language"


class InvalidProfile(FramingError):
    code = "invalid_profile"


class CorpusError(FramingError):
    """A data file in corpora/ is malformed: a packaging bug, never the caller's fault."""

    code = "corpus_error"
