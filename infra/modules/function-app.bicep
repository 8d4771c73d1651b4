// The Function App on the Flex Consumption plan, running the .NET isolated worker (dotnet-isolated 10.0):
// the package is the `dotnet publish` output of src/RegRights.Functions, which azd zips and uploads to the
// deployment container.

param planName string
param appName string

@description('Azure region.')
param location string

param tags object

@description('The user-assigned identity the app runs as.')
param identityName string

param storageAccountName string
param storageTableEndpoint string
param deploymentContainerUrl string
param applicationInsightsName string
param keyVaultName string
param emailEndpoint string
param emailSenderAddress string

@description('Webhook source names; each gets Webhooks__Sources__<name>__Secret from Key Vault secret webhook-<name>.')
param webhookSources array

@description('Provider intake sources as provider/source (docusign, telnyx, fedex, ups); each gets its key from Key Vault secret intake-<provider>-<source>.')
param intakeSources array = []

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Secret names leave out the version, so the app follows the secret's latest version on rotation.
var webhookSecretSettings = [
  for source in webhookSources: {
    name: 'Webhooks__Sources__${source}__Secret'
    value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=webhook-${source})'
  }
]

// Each provider reads one setting of its source: DocuSign its Connect HMAC keys (comma-separated, for rotation), Telnyx
// its Ed25519 public key, FedEx its security token, UPS its Track Alert credential.
var intakeSettingNames = {
  docusign: 'HmacKeys'
  telnyx: 'PublicKey'
  fedex: 'SecurityToken'
  ups: 'Credential'
}

var intakeSecretSettings = [
  for entry in intakeSources: {
    name: 'Webhooks__${split(entry, '/')[0]}__${split(entry, '/')[1]}__${intakeSettingNames[split(entry, '/')[0]]}'
    value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=intake-${split(entry, '/')[0]}-${split(entry, '/')[1]})'
  }
]

// On Flex Consumption the runtime is functionAppConfig.runtime, the platform sets the Functions version
// itself, and the package comes from the deployment container: FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and the content-share settings are deprecated there
// ("Flex Consumption plan deprecations", Functions app settings reference), so none is set.
var appSettings = concat(
  [
    // Host storage through the identity (no connection string; the account has shared keys off).
    {
      name: 'AzureWebJobsStorage__accountName'
      value: storageAccountName
    }
    {
      name: 'AzureWebJobsStorage__credential'
      value: 'managedidentity'
    }
    {
      name: 'AzureWebJobsStorage__clientId'
      value: identity.properties.clientId
    }
    // DefaultAzureCredential in the app picks the user-assigned identity through AZURE_CLIENT_ID.
    {
      name: 'AZURE_CLIENT_ID'
      value: identity.properties.clientId
    }
    {
      name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
      value: applicationInsights.properties.ConnectionString
    }
    {
      name: 'Storage__TableEndpoint'
      value: storageTableEndpoint
    }
    {
      name: 'Email__Acs__Endpoint'
      value: emailEndpoint
    }
    {
      name: 'Email__From'
      value: emailSenderAddress
    }
  ],
  webhookSecretSettings,
  intakeSecretSettings
)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: appSettings
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments go through Entra ID (azd, az functionapp deploy); publishing user names and passwords stay off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output planName string = plan.name
output url string = 'https://${app.properties.defaultHostName}'
