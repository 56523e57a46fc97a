"""Publishing example pages the way an editor would; shared by every demo builder."""

from wagtail.models import Page


def page_publish(page: Page) -> Page:
    """Save a revision and publish it, so the page has history like an editor's would."""
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def child_ensure(parent: Page, slug: str, builder, **fields) -> Page:
    """The parent's child with this slug, built and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    return page_publish(builder(parent=parent, slug=slug, **fields))
