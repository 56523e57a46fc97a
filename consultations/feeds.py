"""Feeds of the consultations section: Atom/RSS of new consultations and results, iCalendar."""

from django.http import Http404


def feed_response(*, request, index, name, kind):
    raise Http404


def calendar_response(*, request, index):
    raise Http404
