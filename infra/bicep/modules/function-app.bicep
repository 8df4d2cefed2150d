// The function app: an Azure Functions custom handler (the self-contained linux-x64 ASP.NET Core app in bin/,
// see README "Deploy package") on a Flex Consumption plan, running as the user-assigned identity.
// Its settings are the ones the code reads in Azure (tests/Portal.Infra.Tests checks both directions).

import { issuerSettings, durableTaskSettings } from '../types.bicep'

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app.')
param name string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app (the app also gets azd-service-name).')
param tags object

@description('Resource ID of the user-assigned identity the app runs as.')
param identityId string

@description('Client ID of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account (host storage, tables, blobs, task hub).')
param storageAccountName string

@description('Blob endpoint of the storage account.')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('URL of the blob container the app runs its deployment package from.')
param deploymentContainerUrl string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Fully qualified Service Bus namespace (<name>.servicebus.windows.net).')
param serviceBusFullyQualifiedNamespace string

@description('Citizens\' identity provider (VNeID).')
param citizens issuerSettings

@description('Officers\' identity provider (Microsoft Entra ID).')
param officers issuerSettings

@description('Least time between two metadata/JWKS fetches caused by an unknown key id (TimeSpan, e.g. 00:05:00).')
param metadataRefreshInterval string

@description('Anonymous dossier look-ups per client IP per window.')
@minValue(1)
param trackingPermitLimit int

@description('Window of the anonymous look-up limit (TimeSpan, e.g. 00:05:00).')
param trackingWindow string

@description('Delay before the outbox relay\'s guard timer fires (TimeSpan, e.g. 00:02:00).')
param relayGuardDelay string

@description('Durable Task Framework task hub settings (read by the engine work arriving in parallel).')
param durableTask durableTaskSettings

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Always-ready instances of the HTTP group: they keep the handler process, and with it the in-process Durable Task worker, running.')
@minValue(0)
param alwaysReadyHttpInstances int

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      // Flex Consumption takes the runtime here; the FUNCTIONS_WORKER_RUNTIME app setting is deprecated on Flex
      // (functions-app-settings#flex-consumption-plan-deprecations). 'custom' / '1.0' is the FC1 entry of the
      // Custom Handler stack (Az.Functions FunctionsStackFlexData/<region>/custom.json).
      runtime: {
        name: 'custom'
        version: '1.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // The handler hosts the Durable Task worker in-process, so the platform sees no Durable trigger (no
        // 'durable' group): the HTTP group's always-ready instance is what keeps the worker polling.
        alwaysReady: alwaysReadyHttpInstances == 0
          ? []
          : [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstances
              }
            ]
      }
    }
  }
}

// Deployments go through Entra ID (az functionapp deployment / OneDeploy), never FTP or basic-auth SCM.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// Every setting the app reads in Azure; ASP.NET Core maps A__B to A:B. Nothing here is a secret.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // The Functions host's own storage, by identity (no connection string, no key).
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Telemetry: the app's OpenTelemetry exporter, and the host's Entra ID ingestion.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    OTEL_SERVICE_NAME: 'portal-functions'
    ASPNETCORE_ENVIRONMENT: 'Production'
    // The app's storage (StorageConfiguration): endpoints and the identity, no keys.
    Storage__BlobEndpoint: blobEndpoint
    Storage__QueueEndpoint: queueEndpoint
    Storage__TableEndpoint: tableEndpoint
    Storage__ManagedIdentityClientId: identityClientId
    // Identity (AuthOptions): VNeID for citizens, Entra ID for officers. Auth__DevSignIn is never set here.
    Auth__Citizens__Authority: citizens.authority
    Auth__Citizens__Issuer: citizens.issuer
    Auth__Citizens__Audience: citizens.audience
    Auth__Citizens__SubjectClaim: citizens.subjectClaim
    Auth__Citizens__NameClaim: citizens.nameClaim
    Auth__Citizens__IdNumberClaim: citizens.?idNumberClaim ?? ''
    Auth__Officers__Authority: officers.authority
    Auth__Officers__Issuer: officers.issuer
    Auth__Officers__Audience: officers.audience
    Auth__Officers__SubjectClaim: officers.subjectClaim
    Auth__Officers__NameClaim: officers.nameClaim
    Auth__Officers__RolesClaim: officers.?rolesClaim ?? 'roles'
    Auth__Officers__AgencyClaim: officers.?agencyClaim ?? 'agency'
    Auth__MetadataRefreshInterval: metadataRefreshInterval
    // Anonymous tracking limit (TrackingRateLimitOptions).
    Tracking__RateLimit__PermitLimit: string(trackingPermitLimit)
    Tracking__RateLimit__Window: trackingWindow
    // In Azure the Functions host fires the timer function; the app's local trigger host stays off.
    Triggers__LocalHost: 'false'
    Lifecycle__RelayGuardDelay: relayGuardDelay
    // Placeholders for the Durable Task engine (parallel work): task hub in this storage account.
    DurableTask__TaskHubName: durableTask.taskHubName
    DurableTask__PartitionCount: string(durableTask.partitionCount)
    // Placeholders for the Service Bus work: an identity-based connection named "ServiceBus", usable by the
    // app's ServiceBusClient and by serviceBusTrigger bindings ("connection": "ServiceBus").
    ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
    ServiceBus__credential: 'managedidentity'
    ServiceBus__clientId: identityClientId
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app (it serves the API and the site).')
output defaultHostName string = app.properties.defaultHostName

