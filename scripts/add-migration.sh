#!/usr/bin/env bash
# Generates one migration, under the same name, for every database provider.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Entente.Migrations.$provider"
  dotnet build "$project" -v quiet -nologo >/dev/null
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" --output-dir Migrations
done
