#!/usr/bin/env bash
# Deploys the portal to Azure: the infrastructure (infra/bicep, subscription scope) and then the function app's
# package (README "Deploy package": host.json, one folder per function, the self-contained handler in bin/,
# the site in bin/wwwroot) to the Flex Consumption app.
#
# NOT RUN HERE. This machine has no Azure CLI and no route to Azure, so this script has never been executed;
# the templates it deploys are compiled and linted by tests/Portal.Infra.Tests with the real Bicep CLI, and the
# package step is the README's publish command. Run it from a machine with az (2.60 or later) signed in
# (az login) with Owner, or Contributor + User Access Administrator, on the subscription (it creates role
# assignments).
#
# Usage:   infra/deploy.sh dev|prod
# Needs (the parameter files read them; never secrets):
#   VNEID_AUTHORITY, VNEID_ISSUER, VNEID_AUDIENCE   VNeID's OpenID Connect authority, token issuer and our audience
#   ENTRA_TENANT_ID, ENTRA_API_AUDIENCE              the officers' Entra ID tenant and the API's api://<app-id>
# Optional: AZURE_LOCATION (default southeastasia), AZURE_ENV_NAME (default: the environment argument),
#           VNEID_ID_NUMBER_CLAIM, SKIP_INFRA=1 (package only).
# Secrets (payment gateway secret, token settings) are put into the Key Vault afterwards by an operator:
#   az keyvault secret set --vault-name <name> --name <secret> --value <value>
set -euo pipefail
cd "$(dirname "$0")/.."

environment="${1:-}"
case "$environment" in
  dev|prod) ;;
  *) echo "usage: $0 dev|prod" >&2; exit 2 ;;
esac
command -v az >/dev/null 2>&1 || { echo "The Azure CLI (az) is required: https://learn.microsoft.com/cli/azure/install-azure-cli" >&2; exit 1; }
command -v zip >/dev/null 2>&1 || { echo "zip is required" >&2; exit 1; }
for variable in VNEID_AUTHORITY VNEID_ISSUER VNEID_AUDIENCE ENTRA_TENANT_ID ENTRA_API_AUDIENCE; do
  if [ -z "${!variable:-}" ]; then echo "$variable is not set (see the header of $0)" >&2; exit 1; fi
done

export AZURE_ENV_NAME="${AZURE_ENV_NAME:-$environment}"
export AZURE_LOCATION="${AZURE_LOCATION:-southeastasia}"
deployment="portal-${AZURE_ENV_NAME}"

# 1. Infrastructure: one subscription-scope deployment (resource group, identity, storage, Service Bus,
#    Key Vault, monitoring, role assignments, Flex Consumption plan and app with its settings).
if [ "${SKIP_INFRA:-}" != "1" ]; then
  az deployment sub create \
    --name "$deployment" \
    --location "$AZURE_LOCATION" \
    --template-file infra/bicep/main.bicep \
    --parameters "infra/bicep/main.${environment}.bicepparam" \
    --output none
fi
output() { az deployment sub show --name "$deployment" --query "properties.outputs.$1.value" --output tsv; }
resource_group="$(output AZURE_RESOURCE_GROUP)"
app_name="$(output AZURE_FUNCTION_APP_NAME)"

# 2. The package, exactly as README "Deploy package" builds it.
rm -rf artifacts/package artifacts/package.zip
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build:web >/dev/null
dotnet publish functions/Portal.Functions -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true \
  -p:FunctionPackage="$PWD/artifacts/package" -o artifacts/package/bin
chmod +x artifacts/package/bin/Portal.Functions
# zip keeps the handler's executable bit; host.json must be at the root of the archive.
(cd artifacts/package && zip -q -r -X ../package.zip .)

# 3. Flex Consumption deployment (OneDeploy into the app's deployment container, through the app's identity).
az functionapp deployment source config-zip \
  --resource-group "$resource_group" \
  --name "$app_name" \
  --src artifacts/package.zip

echo "Deployed: $(output PORTAL_URL)"
