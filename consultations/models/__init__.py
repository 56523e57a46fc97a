"""Consultation models: the pages, the questions officers build, and what residents send."""

from .comments import (
    REPORTS_TO_HIDE,
    CommentBlock,
    CommentReport,
    CommentStatus,
    ConsultationComment,
)
from .pages import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationStatus,
    YouSaidWeDidIndexPage,
)
from .participation import EqualityMonitoring, OutcomeSubscription, ProcessRating
from .questions import AGREE_SCALE, ConsultationQuestion, QuestionKind
from .responses import ConsultationResponse, ResponseChannel, ResponseTheme
from .results import ActionStatus, ConsultationAction, ResultsReminder

__all__ = [
    "AGREE_SCALE",
    "REPORTS_TO_HIDE",
    "ActionStatus",
    "CommentBlock",
    "CommentReport",
    "CommentStatus",
    "ConsultationAction",
    "ConsultationComment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationQuestion",
    "ConsultationResponse",
    "ConsultationStatus",
    "EqualityMonitoring",
    "OutcomeSubscription",
    "ProcessRating",
    "QuestionKind",
    "ResponseChannel",
    "ResponseTheme",
    "ResultsReminder",
    "YouSaidWeDidIndexPage",
]
