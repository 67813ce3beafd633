"""The --update-golden option: rewrite the golden files from the current output, then review the diff.

pytest reads options only from conftest files it loads before parsing the command line, so run
    .venv/bin/pytest tests/golden --update-golden
(or set NIANBAO_UPDATE_GOLDEN=1 for any selection of tests, e.g. a plain `pytest`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output instead of comparing")


class Golden:
    """Compare text with a golden file, or rewrite the file when updating."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check_file(self, path: Path, actual: str) -> None:
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"{path} is missing: run pytest tests/golden --update-golden"
        # Compared exactly: no whitespace or order normalisation that could hide a regression.
        assert actual == path.read_text(encoding="utf-8")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    update = bool(request.config.getoption("--update-golden", default=False))
    update = update or os.environ.get("NIANBAO_UPDATE_GOLDEN") == "1"
    if update and os.environ.get("CI"):
        # In CI an update would turn every comparison into a pass.
        pytest.fail("golden files cannot be rewritten in CI (CI is set): update them locally and commit the diff")
    return Golden(update)
