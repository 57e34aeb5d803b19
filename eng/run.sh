#!/usr/bin/env bash
# Runs the whole CreditPower system on this machine: installs the servers if missing, then starts the AppHost
# (dashboard, PostgreSQL, RabbitMQ, Redis, the four services and the staff portal). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/install-prerequisites.sh
echo "Dashboard: http://localhost:18888    Portal: http://localhost:5080    (first start builds and downloads Aspire's tools)"
exec dotnet run --project src/AppHost --launch-profile http
