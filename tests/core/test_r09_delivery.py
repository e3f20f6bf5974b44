"""R09: notifications reach people by e-mail (real SMTP server on loopback) and SMS (real HTTP
gateway on loopback), are retried with backoff, and a permanent failure stays visible."""

from __future__ import annotations

import logging
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from desk_app.delivery.config import DeliveryConfig, read_config, set_config_values
from desk_app.delivery.cycle import deliver
from desk_app.delivery.outbox import Outbox
from desk_app.domain.enums import NotificationChannel
from desk_app.errors import PermissionDenied, ValidationError
from desk_app.services.admin.people import UserForm, save_user
from desk_app.services.admin.process import RuleForm, save_escalation_rule
from desk_app.services.alerts.escalation_review import notifications_of, retry_notification
from desk_app.storage.models import User
from tests.conftest import Org
from tests.escalation_helpers import breach, configure_sms, configure_smtp, quiet, rows
from tests.servers import make_certificate, sms_gateway, smtp_server

EMAIL = NotificationChannel.EMAIL


def test_r09_escalation_notifies_the_incident_manager_on_each_channel(org: Org) -> None:
    escalation = breach(org)
    channels = {(n.recipient_id, n.channel) for n in rows(org, escalation=escalation)}
    manager = org.ids["manager"]
    assert channels == {(manager, "phone"), (manager, "desktop"), (manager, "email")}


def test_r09_email_is_sent_once_in_chinese(org: Org) -> None:
    escalation = breach(org)
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        outbox = Outbox(org.store, org.clock)
        outcomes = deliver(outbox, [EMAIL])
        assert [o.result for o in outcomes] == ["sent"]
        assert deliver(outbox, [EMAIL]) == []  # nothing left: sent once
        assert deliver(Outbox(org.store, org.clock), [EMAIL]) == []  # nor by another PC
    (message,) = server.messages
    assert message["To"].addresses[0].addr_spec == "manager@example.test"
    assert message["Subject"].startswith("【事件升级】INC0000001 P3 超过受理时限")
    assert "请打开 desk-app 查看并确认该升级" in message.get_content()
    (row,) = rows(org, escalation=escalation, channel="email")
    assert (row.state, row.attempts, row.sent_at) == ("sent", 1, org.clock.now())
    assert str(message["Message-ID"]) == f"<desk-app.notification.{row.id}.esc{escalation}" \
                                         "@desk-app>"


def test_r09_email_in_english_for_an_english_recipient(org: Org) -> None:
    owner = org.as_("owner")
    manager = org.store.read(lambda: User.get_by_id(org.ids["manager"]))
    save_user(owner, UserForm("manager", manager.full_name, ["incident_manager"],
                              email=manager.email, language="en"), manager.id, manager.version)
    breach(org)
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        deliver(Outbox(org.store, org.clock), [EMAIL])
    assert server.messages[0]["Subject"].startswith(
        "[Escalation] INC0000001 P3 Time to accept exceeded")


def test_r09_email_retried_with_backoff_after_a_temporary_refusal(org: Org) -> None:
    breach(org)
    with smtp_server() as (server, port):
        configure_smtp(org, port, retry_base_seconds=60)
        server.refuse.append("451 4.3.0 try again later")
        outbox = Outbox(org.store, org.clock)
        assert [o.result for o in deliver(outbox, [EMAIL])] == ["retry"]
        (row,) = rows(org, channel="email")
        assert (row.state, row.attempts) == ("pending", 1)
        assert row.next_attempt_at == org.clock.now() + timedelta(seconds=60)
        assert "451" in row.last_error
        assert deliver(outbox, [EMAIL]) == []  # not before its time
        org.clock.advance(seconds=60)
        assert [o.result for o in deliver(outbox, [EMAIL])] == ["sent"]
    assert len(server.messages) == 1
    (row,) = rows(org, channel="email")
    assert (row.state, row.attempts, row.last_error) == ("sent", 2, "")


def test_r09_backoff_doubles_and_gives_up_after_max_attempts(org: Org) -> None:
    escalation = breach(org)
    configure_smtp(org, 9, retry_base_seconds=10, max_attempts=3)  # nothing listens on 9
    outbox = Outbox(org.store, org.clock)
    waits = []
    for _ in range(3):
        (outcome,) = deliver(outbox, [EMAIL])
        (row,) = rows(org, channel="email")
        if outcome.result == "retry":
            waits.append((row.next_attempt_at - org.clock.now()).total_seconds())
            org.clock.set(row.next_attempt_at)
    assert waits == [10, 20]
    assert outcome.result == "failed"
    (row,) = rows(org, channel="email")
    assert (row.state, row.attempts) == ("failed", 3)
    assert "Connection" in row.last_error or "refused" in row.last_error.lower()
    # stays visible on the review screen
    views = notifications_of(org.as_("manager"), escalation)
    assert [(v.channel, v.state) for v in views if v.channel == "email"] == [("email", "failed")]


def test_r09_permanent_failure_stays_visible_and_can_be_sent_again(org: Org) -> None:
    escalation = breach(org)
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        server.refuse.append("550 5.1.1 mailbox unknown")
        outbox = Outbox(org.store, org.clock)
        assert [o.result for o in deliver(outbox, [EMAIL])] == ["failed"]
        org.clock.advance(hours=5)
        assert deliver(outbox, [EMAIL]) == []  # failed is final until someone acts
        (row,) = rows(org, channel="email")
        assert row.state == "failed" and "550" in row.last_error
        with pytest.raises(PermissionDenied):
            retry_notification(org.as_("desk"), row.id)
        retry_notification(org.as_("manager"), row.id)
        assert [o.result for o in deliver(outbox, [EMAIL])] == ["sent"]
    assert len(server.messages) == 1
    assert rows(org, escalation=escalation, channel="email")[0].state == "sent"


def test_r09_no_email_address_says_no_address_never_waits(org: Org) -> None:
    owner = org.as_("owner")
    manager = org.store.read(lambda: User.get_by_id(org.ids["manager"]))
    save_user(owner, UserForm("manager", manager.full_name, ["incident_manager"], email=""),
              manager.id, manager.version)
    breach(org)
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        (outcome,) = deliver(Outbox(org.store, org.clock), [EMAIL])
        assert deliver(Outbox(org.store, org.clock), [EMAIL]) == []  # settled, not retried
    assert outcome.result == "no_address"
    (row,) = rows(org, channel="email")
    assert (row.state, row.state_reason, row.attempts) == ("no_address", "no_email", 0)
    assert server.messages == []


def test_r09_email_not_configured_says_so_and_tells_the_owner_once(org: Org) -> None:
    from desk_app.services.alerts.inbox import inbox, unread_count

    quiet(org, breach(org))
    (outcome,) = deliver(Outbox(org.store, org.clock), [EMAIL])
    assert outcome.result == "not_configured"
    (row,) = rows(org, channel="email")
    assert (row.state, row.state_reason, row.attempts) == (
        "not_configured", "email_not_configured", 0)
    breach(org)  # a second escalation: its row says so too, the owner is not told again
    assert [o.result for o in deliver(Outbox(org.store, org.clock), [EMAIL])] == [
        "not_configured"]
    assert deliver(Outbox(org.store, org.clock), [EMAIL]) == []
    owner = org.as_("owner")
    assert unread_count(owner) == 1
    (notice,) = inbox(owner)
    assert notice.notice_id is not None and "SMTP" in notice.title
    assert "通知发送" in inbox(owner)[0].title or "Notification delivery" in notice.title
    # every R09 recipient still has the escalations in the inbox
    assert len(inbox(org.as_("manager"))) == 2
    assert unread_count(org.as_("manager")) == 2


def test_r09_once_email_is_configured_waiting_escalations_are_sent_after_all(org: Org) -> None:
    """The reason a row was set aside ends: the rows of escalations still waiting for
    acknowledgement are sent; an acknowledged escalation's row is not sent late."""
    from desk_app.services.alerts.review import acknowledge_escalation

    waiting = breach(org)
    quiet(org, waiting)
    done = breach(org)
    quiet(org, done)
    assert [o.result for o in deliver(Outbox(org.store, org.clock), [EMAIL])] == [
        "not_configured", "not_configured"]
    acknowledge_escalation(org.as_("manager"), done, "seen")
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        results = deliver(Outbox(org.store, org.clock), [EMAIL])
        assert [o.result for o in results] == ["pending", "sent"]  # back in line, then sent
        assert deliver(Outbox(org.store, org.clock), [EMAIL]) == []
    assert len(server.messages) == 1
    states = {r.escalation_id: r.state for r in rows(org, channel="email")}
    assert states == {waiting: "sent", done: "not_configured"}


def test_r09_a_person_given_an_address_gets_the_waiting_escalation(org: Org) -> None:
    owner = org.as_("owner")
    manager = org.store.read(lambda: User.get_by_id(org.ids["manager"]))
    address = manager.email
    save_user(owner, UserForm("manager", manager.full_name, ["incident_manager"], email=""),
              manager.id, manager.version)
    quiet(org, breach(org))
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        assert [o.result for o in deliver(Outbox(org.store, org.clock), [EMAIL])] == [
            "no_address"]
        manager = org.store.read(lambda: User.get_by_id(org.ids["manager"]))
        save_user(owner, UserForm("manager", manager.full_name, ["incident_manager"],
                                  email=address or "mia@example.com"),
                  manager.id, manager.version)
        assert [o.result for o in deliver(Outbox(org.store, org.clock), [EMAIL])] == [
            "pending", "sent"]
    assert len(server.messages) == 1


@pytest.mark.skipif(shutil.which("openssl") is None,
                    reason="needs the openssl program to make the test server's certificate")
@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_r09_email_over_tls_with_login_keeps_the_password_out_of_logs(
        org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture, security: str) -> None:
    cert = make_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert[0]))  # trust the test server's certificate
    breach(org)
    secret = "s3cret-PassWord"
    with smtp_server(login=("desk", secret), tls=security, cert=cert) as (server, port):
        configure_smtp(org, port, smtp_security=security, smtp_username="desk",
                       smtp_password="wrong-password")
        # our loggers at every level; peewee's DEBUG SQL echo (a developer switch that
        # prints every parameter, password hashes included) is left out on purpose
        caplog.set_level(logging.INFO)
        caplog.set_level(logging.DEBUG, logger="desk_app")
        outbox = Outbox(org.store, org.clock)
        (outcome,) = deliver(outbox, [EMAIL])
        assert outcome.result == "failed" and "535" in outcome.error  # refused login
        set_config_values(org.as_("owner"), smtp_password=secret)
        retry_notification(org.as_("manager"), rows(org, channel="email")[0].id)
        (outcome,) = deliver(outbox, [EMAIL])
        assert outcome.result == "sent"
    assert len(server.messages) == 1
    assert secret not in caplog.text and "wrong-password" not in caplog.text
    assert secret not in repr(read_config(org.as_("owner")))
    assert all(secret not in r.last_error for r in rows(org))


def test_r09_sms_through_the_http_gateway_with_retry(org: Org) -> None:
    _sms_for_manager(org)
    breach(org)
    with sms_gateway() as (gateway, port):
        configure_sms(org, port, retry_base_seconds=30)
        gateway.fail.append(503)
        outbox = Outbox(org.store, org.clock)
        assert [o.result for o in deliver(outbox, [NotificationChannel.SMS])] == ["retry"]
        org.clock.advance(seconds=30)
        assert [o.result for o in deliver(outbox, [NotificationChannel.SMS])] == ["sent"]
        assert deliver(outbox, [NotificationChannel.SMS]) == []
    (request,) = gateway.requests
    body = gateway.bodies()[0]
    assert body["to"] == "13800000000"
    assert body["text"].startswith("desk-app 事件升级:INC0000001 P3")
    (row,) = rows(org, channel="sms")
    assert body["id"] == str(row.id)
    assert request["headers"]["Idempotency-Key"] == f"desk-app-notification-{row.id}"


def test_r09_sms_refused_by_the_gateway_fails_for_good(org: Org) -> None:
    _sms_for_manager(org)
    breach(org)
    with sms_gateway() as (gateway, port):
        configure_sms(org, port)
        gateway.fail.append(400)
        (outcome,) = deliver(Outbox(org.store, org.clock), [NotificationChannel.SMS])
    assert outcome.result == "failed" and "HTTP 400" in outcome.error


def test_r09_sms_get_template_is_url_encoded(org: Org) -> None:
    _sms_for_manager(org)
    breach(org)
    with sms_gateway() as (gateway, port):
        set_config_values(org.as_("owner"), sms_method="GET",
                          sms_url=f"http://127.0.0.1:{port}/send?to=$phone&msg=$text")
        deliver(Outbox(org.store, org.clock), [NotificationChannel.SMS])
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(gateway.requests[0]["path"]).query)
    assert query["to"] == ["13800000000"]
    assert query["msg"][0].startswith("desk-app 事件升级:INC0000001")


def test_delivery_settings_are_checked_and_only_for_the_process_owner(org: Org) -> None:
    with pytest.raises(PermissionDenied):
        set_config_values(org.as_("manager"), smtp_host="mail.example.test")
    with pytest.raises(ValidationError) as error:
        set_config_values(org.as_("owner"), smtp_port=0, sms_url="ftp://x",
                          sms_body="{\"to\": \"$mobile\"}", smtp_host="mail", smtp_sender="x")
    assert set(error.value.fields) == {"smtp_port", "sms_url", "sms_body", "smtp_sender"}
    assert error.value.field_messages("zh")["sms_body"].startswith("此处只能使用")
    assert read_config(org.as_("owner")) == DeliveryConfig()  # nothing changed


def _sms_for_manager(org: Org) -> None:
    save_escalation_rule(org.as_("owner"), RuleForm(
        "Manager by SMS", "经理短信", "user", ["sms"], user_id=org.ids["manager"]))


def test_r09_sms_to_a_person_without_phone_says_no_address(org: Org) -> None:
    org.store.write(lambda: User.update(phone="").where(User.id == org.ids["head"]).execute())
    save_escalation_rule(org.as_("owner"), RuleForm(
        "Text He Jing", "短信通知何静", "user", ["sms"], user_id=org.ids["head"]))
    breach(org)
    with sms_gateway() as (gateway, port):
        configure_sms(org, port)
        outcomes = deliver(Outbox(org.store, org.clock), [NotificationChannel.SMS])
    assert [o.result for o in outcomes] == ["no_address"]
    (row,) = rows(org, channel="sms")
    assert (row.state, row.state_reason) == ("no_address", "no_sms_phone")
    assert gateway.requests == []


def test_r09_a_channel_configured_weeks_later_does_not_mail_every_past_escalation(
        org: Org) -> None:
    """What waited for weeks is in the inbox and the review as one list; configuring e-mail
    then does not send one message per past escalation."""
    old = breach(org)
    quiet(org, old)
    assert [o.result for o in deliver(Outbox(org.store, org.clock), [EMAIL])] == [
        "not_configured"]
    org.clock.advance(days=14)
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        assert deliver(Outbox(org.store, org.clock), [EMAIL]) == []
    assert server.messages == []
    assert {r.escalation_id: r.state for r in rows(org, channel="email")} == {
        old: "not_configured"}
