// RegRights.Functions in Azure: `azd up` provisions this, then publishes src/RegRights.Functions (the
// isolated worker) and deploys that package. Subscription scope, so one run creates the resource group too.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region for everything except ACS, which is global. Must offer Flex Consumption.')
param location string

@description('Optional: object id of the deploying user, granted Key Vault Secrets Officer to set webhook secrets.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Comma-separated webhook source names (letters, digits, hyphens), e.g. "docusign,fax-gateway".')
param webhookSources string = ''

@description('Comma-separated provider intake sources as provider/source (providers docusign, telnyx, fedex, ups; sources letters, digits, hyphens), e.g. "docusign/main,telnyx/main".')
param intakeSources string = ''

@description('Where Communication Services keeps email data at rest.')
param emailDataLocation string = 'United States'

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var tags = {
  'azd-env-name': environmentName
  application: 'regrights'
}
var token = toLower(uniqueString(subscription().id, environmentName, location))
var names = {
  identity: 'id-regrights-${token}'
  workspace: 'log-regrights-${token}'
  applicationInsights: 'appi-regrights-${token}'
  storage: 'st${token}'
  keyVault: 'kv-${token}'
  communicationService: 'acs-regrights-${token}'
  emailService: 'ecs-regrights-${token}'
  plan: 'plan-regrights-${token}'
  functionApp: 'func-regrights-${token}'
}
var webhookSourceNames = filter(map(split(webhookSources, ','), s => trim(s)), s => !empty(s))
var intakeSourceNames = filter(map(split(intakeSources, ','), s => toLower(trim(s))), s => !empty(s))

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  dependsOn: [
    identity
  ]
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
    identityName: names.identity
  }
}

module keyVault 'modules/key-vault.bicep' = {
  scope: resourceGroup
  dependsOn: [
    identity
  ]
  params: {
    name: names.keyVault
    location: location
    tags: tags
    identityName: names.identity
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

module email 'modules/email.bicep' = {
  scope: resourceGroup
  dependsOn: [
    identity
  ]
  params: {
    communicationServiceName: names.communicationService
    emailServiceName: names.emailService
    tags: tags
    dataLocation: emailDataLocation
    identityName: names.identity
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: resourceGroup
  // The app starts only once its identity holds every role it needs; storage and email are
  // already dependencies through their outputs.
  dependsOn: [
    identity
    monitoring
    keyVault
  ]
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsName: names.applicationInsights
    keyVaultName: names.keyVault
    emailEndpoint: email.outputs.endpoint
    emailSenderAddress: email.outputs.senderAddress
    webhookSources: webhookSourceNames
    intakeSources: intakeSourceNames
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

output AZURE_RESOURCE_GROUP string = resourceGroup.name
output FUNCTION_APP_URL string = functionApp.outputs.url
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_PLAN_NAME string = functionApp.outputs.planName
output MANAGED_IDENTITY_NAME string = identity.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output KEY_VAULT_URI string = keyVault.outputs.uri
output COMMUNICATION_SERVICE_NAME string = email.outputs.communicationServiceName
output EMAIL_SERVICE_NAME string = email.outputs.emailServiceName
output EMAIL_SENDER_ADDRESS string = email.outputs.senderAddress
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.workspaceName
