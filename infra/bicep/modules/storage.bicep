// The storage account: the Functions host (AzureWebJobsStorage), the deployment package, the app's tables and
// attachments, and the Durable Task task hub (DTFx creates its own queues, tables and lease blobs at start-up).
// Keys are off: every caller uses Entra ID (the app's user-assigned identity).

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Replication of the account (Standard_ZRS in production where the region offers it).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Blob container the Flex Consumption app runs its deployment package from.')
param deploymentContainerName string

@description('Blob containers the app uses (infra/bicep tests compare them with StorageNames.Containers).')
param appContainerNames array

@description('Tables the app uses (infra/bicep tests compare them with StorageNames.Tables). Timer shards (Timers{yyyyMMddHH}) are created by the app.')
param tableNames array

@description('Days deleted blobs, containers and overwritten versions stay restorable (soft delete); point-in-time restore covers one day less.')
@minValue(2)
@maxValue(365)
param blobRetentionDays int

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Versioning, change feed and soft delete make the account restorable to any point in the retention window
// (point-in-time restore) and are what Azure Backup's operational/vaulted blob backup requires.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    changeFeed: {
      enabled: true
      retentionInDays: blobRetentionDays
    }
    deleteRetentionPolicy: {
      enabled: true
      days: blobRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobRetentionDays
    }
    restorePolicy: {
      enabled: true
      days: blobRetentionDays - 1
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for container in appContainerNames: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

// The app's own code uses no storage queue (messages go to Service Bus in Azure); the queue service is
// used by the Functions host and by the Durable Task task hub, which creates its control and work-item queues.
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

@description('Resource ID of the account (scope of the storage data roles).')
output id string = storage.id

@description('Name of the account.')
output name string = storage.name

@description('Blob endpoint, e.g. https://<account>.blob.core.windows.net/.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue endpoint.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Table endpoint.')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('URL of the deployment container (Flex Consumption functionAppConfig.deployment.storage.value).')
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'

@description('Names of the app containers created.')
output appContainerNames array = [for (container, i) in appContainerNames: appContainers[i].name]

@description('Names of the tables created.')
output tableNames array = [for (table, i) in tableNames: tables[i].name]

@description('Name of the queue service (the host and the Durable Task task hub create their queues in it).')
output queueServiceName string = queueService.name
