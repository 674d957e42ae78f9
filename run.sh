#!/usr/bin/env bash
# The run command: installs missing prerequisites and starts the whole system through the AppHost
# (PostgreSQL, Redis, the simulator, the job server, the API) with its dashboard. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

WF_SKIP_BROWSER=1 eng/install-prerequisites.sh
exec dotnet run --project WeatherFlick.AppHost -c Release -- "$@"
