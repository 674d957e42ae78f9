#!/usr/bin/env bash
# The run command: installs missing prerequisites and starts the whole system through the Aspire AppHost
# (PostgreSQL, Redis, the simulator, the job server, the API) with the Aspire dashboard at http://localhost:18888.
# Ctrl+C or SIGTERM stops everything: the projects first, then the databases.
set -euo pipefail
cd "$(dirname "$0")"

eng/install-prerequisites.sh
exec dotnet run --project WeatherFlick.AppHost -c Release -- "$@"
