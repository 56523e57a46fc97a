"""The volunteering board's filters, query and pagination (filled in by the board work)."""


def board_context(*, request, index) -> dict:
    return {}


def opportunity_context(*, request, opportunity) -> dict:
    return {}
