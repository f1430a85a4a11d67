"""The `edz` console script and `python -m edzcli`.

Start-up comes first: before Typer or anything heavy is imported, Ctrl-C is set to end the
process at once with one line and exit status 130 (a KeyboardInterrupt during an import would
print a traceback). While a command runs, `edzcli.cli` switches to handlers that unwind, so
cleanup runs, and puts this one back afterwards.
"""

import os
import signal


def _interrupted(signum: int, frame: object) -> None:
    try:  # noqa: SIM105 - contextlib is not imported yet, and start-up is what this guards
        os.write(2, b"edz: interrupted\n")
    except OSError:
        pass
    os._exit(130)


def install_startup_handlers() -> None:
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _interrupted)
    except (ValueError, OSError):  # not the main thread: leave the embedding program's handlers alone
        pass


def main() -> None:
    install_startup_handlers()
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
