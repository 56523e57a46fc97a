"""The sign-up form, its confirmation, and the resident's private page."""


def signup_view(request, opportunity):
    raise NotImplementedError


def sent_view(request, opportunity):
    raise NotImplementedError


def manage_view(request, opportunity, token):
    raise NotImplementedError
