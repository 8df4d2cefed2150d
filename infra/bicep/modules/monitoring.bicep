// Log Analytics workspace and the workspace-based Application Insights component the app exports to
// (OpenTelemetry with the Azure Monitor exporter, APPLICATIONINSIGHTS_CONNECTION_STRING).

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region of both resources.')
param location string

@description('Tags applied to both resources.')
param tags object

@description('Days the workspace keeps logs (30 is the free retention).')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Local (connection-string) ingestion stays on until the app's Azure Monitor exporter is given a
    // TokenCredential; the Functions host already uses Entra ID (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
    DisableLocalAuth: false
  }
}

@description('Resource ID of the Application Insights component (scope of Monitoring Metrics Publisher).')
output applicationInsightsId string = applicationInsights.id

@description('Name of the Application Insights component.')
output applicationInsightsName string = applicationInsights.name

@description('Connection string of the Application Insights component (an ingestion address and key, not a credential to read data).')
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString

@description('Resource ID of the Log Analytics workspace.')
output logAnalyticsId string = logAnalytics.id
