"""The README names every CLI command and every setting, so the docs cannot drift."""

from __future__ import annotations

import argparse

from smabot.cli import _parser
from smabot.settings import Settings

from .conftest import ROOT


def test_readme_names_every_command_and_setting() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in commands.choices.items():
        assert f"smabot {name}" in readme, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in readme, f"smabot {name} {flag}"
    for field in Settings.model_fields:
        assert f"SMABOT_{field.upper()}" in readme, field
    assert "make serve" in readme and "make test" in readme
