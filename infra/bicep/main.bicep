// Cổng Dịch vụ công — deployment infrastructure (Azure-Samples / azd layout, AVM conventions written out:
// public br/public: modules cannot be fetched here). Subscription scope: creates the resource group, then
// deploys every resource into it through the modules under ./modules.

targetScope = 'subscription'

import { issuerSettings, durableTaskSettings } from 'types.bicep'

@description('Name of the environment (e.g. dev, prod); used in the resource group name, the resource token and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource (one that offers Flex Consumption, e.g. southeastasia or eastasia).')
@minLength(1)
param location string

@description('Name of the resource group; empty = rg-<environmentName>.')
param resourceGroupName string = ''

@description('Citizens\' identity provider (VNeID): authority, issuer, audience and claim names.')
param citizens issuerSettings

@description('Officers\' identity provider (Microsoft Entra ID): authority and issuer https://login.microsoftonline.com/<tenant>/v2.0, audience api://<app-id>, roles and agency claims.')
param officers issuerSettings

@description('Least time between two metadata/JWKS fetches caused by an unknown key id (TimeSpan).')
param metadataRefreshInterval string = '00:05:00'

@description('Anonymous dossier look-ups per client IP per window.')
@minValue(1)
param trackingPermitLimit int = 10

@description('Window of the anonymous look-up limit (TimeSpan).')
param trackingWindow string = '00:05:00'

@description('Delay before the outbox relay\'s guard timer fires (TimeSpan).')
param relayGuardDelay string = '00:02:00'

@description('Durable Task task hub in the app\'s storage account (the engine work reads these settings).')
param durableTask durableTaskSettings = {
  taskHubName: 'PortalLifecycle'
  partitionCount: 4
}

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days deleted or overwritten blobs stay restorable (soft delete, versions, point-in-time restore).')
@minValue(2)
@maxValue(365)
param blobRetentionDays int = 7

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Whether Key Vault purge protection is on (irreversible; on in production).')
param keyVaultPurgeProtection bool = false

@description('Days a deleted Key Vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteDays int = 7

@description('Memory of each function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the function app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances of the HTTP group (keeps the in-process Durable Task worker alive; 0 lets the app scale to zero and timers wait for the next wake-up).')
@minValue(0)
param alwaysReadyHttpInstances int = 1

@description('Deliveries of one Service Bus message before it is dead-lettered.')
@minValue(1)
@maxValue(100)
param serviceBusMaxDeliveryCount int = 10

@description('Time to live of a Service Bus message (ISO 8601 duration); expired messages are dead-lettered.')
param serviceBusMessageTimeToLive string = 'P14D'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'cong-dich-vu-cong'
}

// The app's storage names, as in functions/Portal.Functions/Infrastructure/StorageNames.cs (a test keeps them equal).
var tableNames = [
  'Dossiers'
  'Submissions'
  'Sequences'
  'Drafts'
  'TimerShards'
  'Inbox'
  'CitizenDossiers'
  'Notifications'
]
var appContainerNames = [
  'attachments'
]

var identityName = '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var serviceBusName = '${abbrs.serviceBusNamespaces}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
// Flex Consumption's deployment container: one per app.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

var serviceBusTopics = [
  {
    name: 'dossier-events'
    subscriptions: [
      'citizen-notifications'
      'officer-reminders'
      'statistics'
    ]
  }
  {
    name: 'feedback'
    subscriptions: [
      'agency-routing'
      'statistics'
    ]
  }
]

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? '${abbrs.resourcesResourceGroups}${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    appContainerNames: appContainerNames
    tableNames: tableNames
    blobRetentionDays: blobRetentionDays
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: rg
  params: {
    name: serviceBusName
    location: location
    tags: tags
    topics: serviceBusTopics
    maxDeliveryCount: serviceBusMaxDeliveryCount
    messageTimeToLive: serviceBusMessageTimeToLive
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteDays
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
  }
}

module roles 'modules/role-assignments.bicep' = {
  scope: rg
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    serviceBusNamespaceName: serviceBusName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
  }
  // Names are known up front; the resources themselves must exist before they are given roles on them.
  dependsOn: [
    identity
    storage
    serviceBus
    keyVault
    monitoring
  ]
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${resourceToken}'
    name: functionAppName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    citizens: citizens
    officers: officers
    metadataRefreshInterval: metadataRefreshInterval
    trackingPermitLimit: trackingPermitLimit
    trackingWindow: trackingWindow
    relayGuardDelay: relayGuardDelay
    durableTask: durableTask
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
  }
  // The app must not start before its identity may read its storage, its package and its telemetry.
  dependsOn: [
    roles
  ]
}

@description('Name of the resource group.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Azure region.')
output AZURE_LOCATION string = location

@description('Name of the function app (az functionapp deployment ... --name).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Host name of the function app: the API, the citizen site and the officer console.')
output AZURE_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName

@description('URL of the portal.')
output PORTAL_URL string = 'https://${functionApp.outputs.defaultHostName}/'

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob endpoint of the storage account.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Table endpoint of the storage account.')
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

@description('Queue endpoint of the storage account.')
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint

@description('Fully qualified Service Bus namespace.')
output SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace

@description('URI of the Key Vault (payment gateway secret and token settings go here, by az keyvault secret set).')
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri

@description('Client ID of the app\'s user-assigned identity.')
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Name of the Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
