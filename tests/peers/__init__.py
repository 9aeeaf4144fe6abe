"""Real peers for the tests: the local QStash server, the app, proxies, Redis and an RQ worker as
processes, and a recording receiver.

Everything listens on 127.0.0.1 on a free port. Waiting is always polling with a deadline.
"""
from tests.peers.app import LiveApp
from tests.peers.process import ROOT, free_port, terminate, wait_until
from tests.peers.proxies import NGINX_CONF, FaultProxy, Nginx
from tests.peers.qstash import Delivery, DevQStash, Recorder
from tests.peers.redis_rq import REDIS_SERVER, RedisServer, RQWorker

__all__ = ["NGINX_CONF", "REDIS_SERVER", "ROOT", "Delivery", "DevQStash", "FaultProxy", "LiveApp", "Nginx",
           "RQWorker", "Recorder", "RedisServer", "free_port", "terminate", "wait_until"]
