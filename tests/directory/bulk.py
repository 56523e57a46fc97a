"""Many live entry pages fast, for query-count tests with a realistic directory (1,000 entries).

Wagtail's add_child takes ~0.1 s a page; this writes the tree rows in bulk (treebeard's path
scheme) and each specific row with a raw save, so 1,000 pages take seconds.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def pages_bulk_create(*, parent: Page, model, rows: list[dict]) -> list:
    """Live pages of `model` under `parent`, one per dict of fields (title and slug needed)."""
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    start = int(last.path[-Page.steplen :], 36) + 1 if last else 1
    base_rows = [
        Page(
            title=row["title"],
            draft_title=row["title"],
            slug=row["slug"],
            content_type=content_type,
            path=Page._get_path(parent.path, parent.depth + 1, start + number),
            depth=parent.depth + 1,
            url_path=f"{parent.url_path}{row['slug']}/",
            locale_id=parent.locale_id,
            live=True,
            has_unpublished_changes=False,
        )
        for number, row in enumerate(rows)
    ]
    Page.objects.bulk_create(base_rows)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
    # A raw save writes only the specific table (the page_ptr row exists already).
    created = [model(page_ptr_id=base.pk, **row) for base, row in zip(base_rows, rows, strict=True)]
    for page in created:
        page.save_base(raw=True)
    return created
