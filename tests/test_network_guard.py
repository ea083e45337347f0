import socket

import pytest

from tests.conftest import NetworkBlockedError


def test_network_guard_refuses_non_loopback_connections() -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlockedError):
            sock.connect(("93.184.216.34", 443))
    finally:
        sock.close()
