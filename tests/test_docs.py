"""Documentation keeps up with the code: every setting and every command is documented."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import COMMANDS, cli
from newsgraph.settings import SETTINGS

from conftest import ROOT


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_setting_is_documented(name):
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    setting = SETTINGS[name]
    assert f"`{name}` ({setting.env}" in text, f"docs/settings.md lacks a line for {name}"


def test_every_registered_command_exists():
    runner = CliRunner()
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = set(cli.list_commands(None))
    assert listed == set(COMMANDS), f"missing command modules: {sorted(set(COMMANDS) - listed)}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_has_an_example(name):
    command = cli.get_command(None, name)
    if command is None:
        pytest.fail(f"command {name} is registered but its module is missing")
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert len(command.help or "") > 20, f"{name} --help explains too little"
    assert re.search(r"newsgraph " + re.escape(name.split()[0]), result.output), \
        f"{name} --help shows no example invocation"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_in_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"newsgraph {name}" in readme, f"README does not show `newsgraph {name}`"


def test_readme_links_resolve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in set(re.findall(r"\]\(((?:docs|examples|bench)/[^)#]+)\)", readme)):
        assert (ROOT / target).exists(), f"README links to missing {target}"


def test_readme_first_two_commands_are_the_setup_scripts():
    """The README's first two commands do all the set-up; .ci/run calls the second."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands[:2] == ["scripts/demo.sh", "scripts/test.sh"]
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
