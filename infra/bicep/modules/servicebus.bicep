// Service Bus (Standard: topics) for the message fan-out: dossier events and feedback, one subscription per
// consumer. Local (SAS) authentication is off: senders and receivers use Entra ID.

@description('Name of the Service Bus namespace.')
@minLength(6)
@maxLength(50)
param name string

@description('Azure region of the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags object

@description('Topics and their subscriptions: [{ name, subscriptions: [names] }].')
param topics array

@description('Deliveries of one message before it is dead-lettered.')
@minValue(1)
@maxValue(100)
param maxDeliveryCount int

@description('Time to live of a message (ISO 8601 duration); on expiry it is dead-lettered.')
param messageTimeToLive string

var subscriptions = flatten(map(range(0, length(topics)), i => map(topics[i].subscriptions, s => {
  topicIndex: i
  name: s
})))

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topicResources 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topics: {
    parent: namespace
    name: topic.name
    properties: {
      defaultMessageTimeToLive: messageTimeToLive
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT10M'
      supportOrdering: true
    }
  }
]

resource subscriptionResources 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for sub in subscriptions: {
    parent: topicResources[sub.topicIndex]
    name: sub.name
    properties: {
      lockDuration: 'PT1M'
      maxDeliveryCount: maxDeliveryCount
      defaultMessageTimeToLive: messageTimeToLive
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
    }
  }
]

@description('Resource ID of the namespace (scope of the Service Bus data roles).')
output id string = namespace.id

@description('Name of the namespace.')
output name string = namespace.name

@description('Fully qualified namespace, e.g. <name>.servicebus.windows.net.')
output fullyQualifiedNamespace string = replace(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':443/', '')

@description('Topic/subscription pairs created.')
output subscriptions array = [for (sub, i) in subscriptions: '${topics[sub.topicIndex].name}/${subscriptionResources[i].name}']
