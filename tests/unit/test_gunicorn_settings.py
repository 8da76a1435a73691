"""The server settings `make run` uses."""

import runpy
from pathlib import Path

import gunicorn.config

SETTINGS = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_two_servers_of_one_user_share_no_control_socket():
    settings = runpy.run_path(str(SETTINGS))
    config = gunicorn.config.Config()
    for name, value in settings.items():
        if name in config.settings:
            config.set(name, value)
    assert config.control_socket_disable is True
    assert settings["worker_class"] == "gevent"
