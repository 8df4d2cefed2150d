// Key Vault for the payment gateway's secret and token settings. RBAC authorisation (no access policies);
// secrets are put in by an operator (az keyvault secret set), never by these templates or their parameter files.

@description('Name of the vault (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Whether purge protection is on (production: true; it cannot be turned off again).')
param enablePurgeProtection bool

@description('Resource ID of the Log Analytics workspace that receives the vault\'s audit log (who read which secret, when).')
param logAnalyticsWorkspaceId string

@description('Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // null, not false: purge protection can only be switched on, and the API refuses an explicit false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Every secret read is audited: the payment gateway's secret is read by the app's identity only.
resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

@description('Resource ID of the vault (scope of Key Vault Secrets User).')
output id string = vault.id

@description('Name of the vault.')
output name string = vault.name

@description('URI of the vault, e.g. https://<name>.vault.azure.net/.')
output uri string = vault.properties.vaultUri
