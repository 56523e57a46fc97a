"""Feeds: new opportunities (Atom) and an opportunity's sessions (iCalendar)."""


def opportunities_feed_response(*, request, index):
    raise NotImplementedError


def sessions_calendar_response(*, request, opportunity):
    raise NotImplementedError
