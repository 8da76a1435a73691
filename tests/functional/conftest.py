"""Fixtures the HTTP tests of the theme board share."""

import pytest


@pytest.fixture
def board(client, facilitator, workshop, login):
    login(facilitator)
    base = f"/board/{workshop.code}"

    def post(path, **data):
        return client.post(base + path, data=data, headers={"X-Requested-With": "fetch"})

    return post
