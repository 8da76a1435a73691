"""Database ids from URLs and forms: whole numbers that fit an INTEGER column.

A longer number cannot name a row, and handed to the database it is an error (PostgreSQL's
INTEGER ends at 2**31 - 1; SQLite's driver refuses anything past 64 bits), so it is refused
where it comes in: a 404 for a URL, a form error for a field.
"""

from werkzeug.routing.converters import IntegerConverter

ID_MAX = 2**31 - 1


def parse_id(value) -> int:
    """The id in a form value, or ValueError (shown as the field's invalid_value_message)."""
    number = int(value)
    if not 0 <= number <= ID_MAX:
        raise ValueError(f"not an id: {str(value)[:20]}")
    return number


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: a number past ID_MAX comes in as 0, which no row has.

    The view then answers its own 404 ("No such story"). Failing the match instead would
    make werkzeug answer 405 where another method shares the path (GET and DELETE of a story).
    """

    def to_python(self, value: str) -> int:
        number = super().to_python(value)
        return number if number <= ID_MAX else 0
