"""Fixtures for the directory tests: the directory index and the community asset map."""

import pytest

from directory.builders import CommunityAssetMapPageBuilder


@pytest.fixture
def directory(section_pages):
    """The directory index page (the finder)."""
    return section_pages["directory"]


@pytest.fixture
def asset_map(directory):
    return CommunityAssetMapPageBuilder(parent=directory)
