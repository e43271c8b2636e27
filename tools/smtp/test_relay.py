"""A mail relay for the tests, on loopback only (aiosmtpd). Three listeners, one process:

  starttls  STARTTLS required before MAIL, then AUTH PLAIN/LOGIN required (a force's relay)
  tls       TLS from the first byte ("SMTPS"), AUTH required
  plain     no TLS offered at all, AUTH required: for --smtp-tls none, and to show that a
            client insisting on STARTTLS sends nothing to a relay without it

Recipients whose local part starts with `reject-` get 550, `busy-` get 451. Each accepted
message is written, exactly as received, to MAIL_DIR/<n>.eml (via a temporary name, so a
reader never sees half a file). When all three listen, their ports are written to
READY_FILE as `STARTTLS_PORT TLS_PORT PLAIN_PORT`.

  python test_relay.py --cert C --key K --mail-dir D --username U --password-file P --ready-file R
"""

import argparse
import asyncio
import itertools
import os
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, mail_dir):
        self.mail_dir = mail_dir
        self.numbers = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject-"):
            return "550 5.1.1 Mailbox unavailable"
        if local.startswith("busy-"):
            return "451 4.3.0 Local error, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = next(self.numbers)
        final = os.path.join(self.mail_dir, f"{number}.eml")
        partial = final + ".part"
        with open(partial, "wb") as file:
            file.write(envelope.original_content)
        os.replace(partial, final)
        return "250 Message accepted"


def authenticator(username, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == username
            and auth_data.password == password
        )
        # handled=False: aiosmtpd itself answers (235, or 535 on a wrong password).
        return AuthResult(success=ok, handled=False)

    return check


async def main():
    parser = argparse.ArgumentParser()
    for flag in ("--cert", "--key", "--mail-dir", "--username", "--password-file", "--ready-file"):
        parser.add_argument(flag, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()

    with open(args.password_file, "rb") as file:
        password = file.read().rstrip(b"\r\n")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    handler = Handler(args.mail_dir)
    check = authenticator(args.username.encode(), password)
    loop = asyncio.get_running_loop()

    def smtp(**options):
        return lambda: SMTP(
            handler,
            hostname="relay.test",
            authenticator=check,
            auth_required=True,
            loop=loop,
            **options,
        )

    listeners = [
        # STARTTLS first, then AUTH (which aiosmtpd offers only over TLS by default).
        await loop.create_server(
            smtp(tls_context=context, require_starttls=True), args.host, 0
        ),
        # The whole connection is TLS already; aiosmtpd only counts STARTTLS as TLS.
        await loop.create_server(smtp(auth_require_tls=False), args.host, 0, ssl=context),
        await loop.create_server(smtp(auth_require_tls=False), args.host, 0),
    ]
    ports = " ".join(str(server.sockets[0].getsockname()[1]) for server in listeners)
    with open(args.ready_file + ".part", "w") as file:
        file.write(ports + "\n")
    os.replace(args.ready_file + ".part", args.ready_file)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
