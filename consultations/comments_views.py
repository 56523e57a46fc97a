"""The comment routes of a consultation page: post a comment or reply, report a comment."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from website.core.client_ip import client_ip
from website.core.pagination import page_links
from website.core.public_forms.ratelimit import rate_limit_check
from website.core.public_forms.screening import submission_screen
from website.core.public_forms.views import rate_limited_response

from .comments import comment_post, comment_report, comments_published, reporter_key
from .forms import CommentForm, ReportForm
from .models import CommentStatus, ConsultationComment, ConsultationPage, ConsultationStatus

COMMENTS_PER_PAGE = 20


def comments_context(request, page: ConsultationPage) -> dict:
    """The page of comments shown (`?comments=N`) and the form, for the consultation page."""
    if not page.comments_enabled:
        return {}
    comments = Paginator(comments_published(consultation=page), COMMENTS_PER_PAGE).get_page(
        request.GET.get("comments")
    )
    links = page_links(request=request, page=comments, parameter="comments")
    return {
        "comments": comments,
        "comments_pagination": links,
        "comments_open": page.status() == ConsultationStatus.OPEN,
        "comment_form": CommentForm(),
    }


def _comments_url(page) -> str:
    return page.url + "#comments"


@require_POST
def post_view(request, page: ConsultationPage):
    """A new comment or reply; errors show on the consultation page with the text kept."""
    if not page.comments_enabled or page.status() != ConsultationStatus.OPEN:
        raise Http404
    rate = rate_limit_check(request=request, scope="consultation-comment")
    if rate.block:
        return rate_limited_response(request)
    form = CommentForm(request.POST)
    if not form.is_valid():
        context = {**page.get_context(request), "comment_form": form}  # comments already in
        return TemplateResponse(request, page.get_template(request), context)
    parent_id = form.cleaned_data.pop("parent")
    parent = ConsultationComment.objects.filter(
        consultation=page, status=CommentStatus.PUBLISHED, pk=parent_id
    ).first()
    comment = comment_post(
        consultation=page,
        parent=parent,
        ip=client_ip(request),
        screening=submission_screen(request=request, form=form, rate=rate),
        **form.cleaned_data,
    )
    if comment.status == CommentStatus.PUBLISHED:
        messages.success(request, _("Your comment is published."))
    else:
        messages.success(
            request, _("Thank you. Your comment will appear once a moderator has checked it.")
        )
    return redirect(_comments_url(page))


def report_view(request, page: ConsultationPage, pk: int):
    """GET asks why (optional); POST records the report."""
    comment = get_object_or_404(
        ConsultationComment, consultation=page, pk=pk, status=CommentStatus.PUBLISHED
    )
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not request.session.session_key:
            request.session.save()
        reporter = reporter_key(session_key=request.session.session_key)
        comment_report(comment=comment, reporter=reporter, reason=form.cleaned_data["reason"])
        messages.success(request, _("Thank you. A moderator will check the comment."))
        return redirect(_comments_url(page))
    context = {"page": page, "comment": comment, "form": form}
    return TemplateResponse(request, "consultations/comment_report.html", context)
