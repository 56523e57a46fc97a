"""Consultation models: the pages, the questions officers build, and what residents send."""

from .pages import ConsultationIndexPage, ConsultationPage, ConsultationStatus
from .participation import EqualityMonitoring, OutcomeSubscription, ProcessRating
from .questions import AGREE_SCALE, ConsultationQuestion, QuestionKind
from .responses import ConsultationResponse, ResponseChannel
from .results import ActionStatus, ConsultationAction

__all__ = [
    "AGREE_SCALE",
    "ActionStatus",
    "ConsultationAction",
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
]
