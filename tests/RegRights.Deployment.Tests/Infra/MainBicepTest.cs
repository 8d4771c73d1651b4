using System.Text.Json;
using System.Text.RegularExpressions;

namespace RegRights.Deployment.Tests.Infra;

/// <summary>infra/main.bicep, compiled by the pinned Bicep CLI: clean, and secure in what it deploys.</summary>
public sealed partial class MainBicepTest(BicepFixture bicep) : IClassFixture<BicepFixture>
{
    // Built-in role definition ids, from https://learn.microsoft.com/azure/role-based-access-control/built-in-roles.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string CommunicationAndEmailServiceOwner = "09976791-48a7-449e-bb21-39d1a415f350";

    // "Flex Consumption plan deprecations" in the Functions app settings reference
    // (https://learn.microsoft.com/azure/azure-functions/functions-app-settings#flex-consumption-plan-deprecations).
    private static readonly string[] FlexDeprecatedAppSettings =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_MAX_HTTP_CONCURRENCY", "FUNCTIONS_WORKER_PROCESS_COUNT", "FUNCTIONS_WORKER_SHARED_MEMORY_DATA_TRANSFER_ENABLED",
        "FUNCTION_APP_EDIT_MODE", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTOVERVNET", "WEBSITE_SKIP_CONTENTSHARE_VALIDATION", "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
        "WEBSITE_NODE_DEFAULT_VERSION", "WEBSITE_DNS_SERVER", "WEBSITE_VNET_ROUTE_ALL", "WEBSITE_TIME_ZONE",
        "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD",
        "SCALE_CONTROLLER_LOGGING_ENABLED",
    ];

    private static readonly string[] FlexDeprecatedSiteConfig =
    [
        "linuxFxVersion", "windowsFxVersion", "netFrameworkVersion", "javaVersion", "powerShellVersion", "alwaysOn",
        "use32BitWorkerProcess", "functionAppScaleLimit", "minimumElasticInstanceCount", "preWarmedInstanceCount",
        "functionsRuntimeScaleMonitoringEnabled", "numberOfWorkers",
    ];

    private JsonElement Template => bicep.Template;

    [Fact]
    public void Build_SucceedsWithoutDiagnostics()
    {
        Assert.True(bicep.Build.ExitCode == 0, bicep.Build.AllOutput);
        Assert.DoesNotMatch(Diagnostic(), bicep.Build.AllOutput);
    }

    [Fact]
    public void Lint_ReportsNoWarningsOrErrors()
    {
        // bicep lint exits 0 with warnings, so the output is read too: one diagnostic line fails the test.
        Assert.True(bicep.Lint.ExitCode == 0, bicep.Lint.AllOutput);
        Assert.DoesNotMatch(Diagnostic(), bicep.Lint.AllOutput);
    }

    [Fact]
    public void StorageAccount_AcceptsEntraIdOnly()
    {
        var storage = Assert.Single(Resources("Microsoft.Storage/storageAccounts")).Properties;

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void DeploymentContainer_IsPrivate()
    {
        var container = Assert.Single(Resources("Microsoft.Storage/storageAccounts/blobServices/containers")).Properties;

        Assert.Equal("None", container.GetProperty("publicAccess").GetString());
    }

    [Fact]
    public void FunctionApp_RunsDotnetIsolated10OnFlexConsumption()
    {
        var plan = Assert.Single(Resources("Microsoft.Web/serverfarms")).Json;
        var app = Assert.Single(Resources("Microsoft.Web/sites")).Properties;
        var runtime = app.GetProperty("functionAppConfig").GetProperty("runtime");

        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
    }

    [Fact]
    public void FunctionApp_SetsNoSiteConfigPropertyFlexConsumptionDeprecates()
    {
        var siteConfig = Assert.Single(Resources("Microsoft.Web/sites")).Properties.GetProperty("siteConfig");
        var names = siteConfig.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The runtime stack, instance counts and worker bitness belong to functionAppConfig or the platform on Flex.
        Assert.Empty(names.Intersect(FlexDeprecatedSiteConfig, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void FunctionApp_IsHttpsOnlyWithTls12AndNoFtp()
    {
        var app = Assert.Single(Resources("Microsoft.Web/sites")).Properties;
        var siteConfig = app.GetProperty("siteConfig");
        var basicAuth = Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True(app.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", siteConfig.GetProperty("minTlsVersion").GetString());
        Assert.Equal("Disabled", siteConfig.GetProperty("ftpsState").GetString());
        Assert.Equal(2, basicAuth.Count); // ftp and scm
        Assert.All(basicAuth, policy => Assert.False(policy.Properties.GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void FunctionApp_RunsAsTheManagedIdentityEverywhere()
    {
        var app = Assert.Single(Resources("Microsoft.Web/sites"));
        var identity = app.Json.GetProperty("identity");
        var deploymentAuthentication = app.Properties.GetProperty("functionAppConfig")
            .GetProperty("deployment").GetProperty("storage").GetProperty("authentication");

        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject());
        Assert.Single(Resources("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.Equal("UserAssignedIdentity", deploymentAuthentication.GetProperty("type").GetString());
        Assert.Contains("userAssignedIdentities", app.Properties.GetProperty("keyVaultReferenceIdentity").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_UseIdentityAndConnectionStringOnly()
    {
        var names = AppSettingNames();

        // What the app and the host read (README "Deploy to Azure" lists where each comes from).
        Assert.Subset(
            new HashSet<string>
            {
                "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
                "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING",
                "Storage__TableEndpoint", "Email__Acs__Endpoint", "Email__From",
            },
            names.ToHashSet());

        // A storage connection string would need the shared key the account refuses; the instrumentation key is
        // retired for the connection string; Flex Consumption takes the runtime and version from functionAppConfig
        // and the package from the deployment container, and rejects or ignores the settings that did that before.
        Assert.DoesNotContain("AzureWebJobsStorage", names);
        Assert.DoesNotContain("APPINSIGHTS_INSTRUMENTATIONKEY", names);
        Assert.Empty(names.Intersect(FlexDeprecatedAppSettings, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void WebhookSecrets_AreKeyVaultReferences()
    {
        var appTemplate = Assert.Single(Resources("Microsoft.Web/sites")).Template;
        var copy = appTemplate.GetProperty("variables").GetProperty("copy").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "webhookSecretSettings");
        var input = copy.GetProperty("input");

        Assert.Contains($"variables('{copy.GetProperty("name").GetString()}')", AppSettingsExpression(), StringComparison.Ordinal);
        Assert.StartsWith("[format('Webhooks__Sources__{0}__Secret'", input.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=webhook-{1})'", input.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IntakeKeys_AreKeyVaultReferences()
    {
        // Each provider intake source's key (DocuSign HMAC keys, Telnyx public key, FedEx token, UPS credential) comes
        // from Key Vault secret intake-<provider>-<source>, under the setting that provider reads.
        var appTemplate = Assert.Single(Resources("Microsoft.Web/sites")).Template;
        var copy = appTemplate.GetProperty("variables").GetProperty("copy").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "intakeSecretSettings");
        var input = copy.GetProperty("input");
        var settingNames = appTemplate.GetProperty("variables").GetProperty("intakeSettingNames");

        Assert.Contains("variables('intakeSecretSettings')", AppSettingsExpression(), StringComparison.Ordinal);
        Assert.StartsWith("[format('Webhooks__{0}__{1}__{2}'", input.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=intake-{1}-{2})'", input.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            [("docusign", "HmacKeys"), ("fedex", "SecurityToken"), ("telnyx", "PublicKey"), ("ups", "Credential")],
            settingNames.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void KeyVault_UsesRbacAndKeepsDeletedSecrets()
    {
        var vault = Assert.Single(Resources("Microsoft.KeyVault/vaults")).Properties;

        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.Empty(Resources("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public void Email_LinksAnAzureManagedDomainToCommunicationServices()
    {
        var domain = Assert.Single(Resources("Microsoft.Communication/emailServices/domains")).Properties;
        var communication = Assert.Single(Resources("Microsoft.Communication/communicationServices")).Properties;

        Assert.Equal("AzureManaged", domain.GetProperty("domainManagement").GetString());
        var linked = Assert.Single(communication.GetProperty("linkedDomains").EnumerateArray()).GetString();
        Assert.Contains("Microsoft.Communication/emailServices/domains", linked, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationInsights_SendsToTheLogAnalyticsWorkspace()
    {
        var insights = Assert.Single(Resources("Microsoft.Insights/components")).Properties;
        Assert.Single(Resources("Microsoft.OperationalInsights/workspaces"));

        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.GetProperty("WorkspaceResourceId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_GiveTheAppIdentityOnlyItsDataPlaneRoles()
    {
        var appRoles = Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => IsAppIdentity(a.Properties.GetProperty("principalId").GetString()!))
            .GroupBy(a => ScopeType(a.Json.GetProperty("scope").GetString()!))
            .ToDictionary(g => g.Key, g => g.SelectMany(ArmTemplate.RoleDefinitionIds).Order().ToArray());

        // Each role on the one resource that needs it: no Owner, no Contributor, nothing on the resource group.
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["Microsoft.Storage/storageAccounts"] = new[] { StorageBlobDataOwner, StorageTableDataContributor }.Order().ToArray(),
                ["Microsoft.KeyVault/vaults"] = [KeyVaultSecretsUser],
                ["Microsoft.Communication/communicationServices"] = [CommunicationAndEmailServiceOwner],
            },
            appRoles);
        Assert.All(
            Resources("Microsoft.Authorization/roleAssignments").Where(a => IsAppIdentity(a.Properties.GetProperty("principalId").GetString()!)),
            a => Assert.Equal("ServicePrincipal", a.Properties.GetProperty("principalType").GetString()));
    }

    [Fact]
    public void RoleAssignments_GiveTheOperatorSecretsOfficerOnlyWhenNamed()
    {
        var operatorRole = Assert.Single(
            Resources("Microsoft.Authorization/roleAssignments"),
            a => !IsAppIdentity(a.Properties.GetProperty("principalId").GetString()!));

        Assert.Equal([KeyVaultSecretsOfficer], ArmTemplate.RoleDefinitionIds(operatorRole));
        Assert.Equal("[not(empty(parameters('operatorPrincipalId')))]", operatorRole.Json.GetProperty("condition").GetString());
    }

    [Fact]
    public void OutputsAndParameterDefaults_HoldNoSecrets()
    {
        var outputs = ArmTemplate.Templates(Template)
            .Where(t => t.TryGetProperty("outputs", out _))
            .SelectMany(t => t.GetProperty("outputs").EnumerateObject())
            .ToList();
        var parameters = ArmTemplate.Templates(Template)
            .Where(t => t.TryGetProperty("parameters", out _))
            .SelectMany(t => t.GetProperty("parameters").EnumerateObject())
            .ToList();

        Assert.Contains(outputs, o => o.Name == "FUNCTION_APP_URL");
        Assert.All(outputs, o =>
        {
            Assert.DoesNotMatch(SecretName(), o.Name);
            Assert.DoesNotMatch(SecretSource(), o.Value.GetRawText());
        });
        Assert.All(parameters, p =>
        {
            var isSecure = p.Value.GetProperty("type").GetString()!.StartsWith("secure", StringComparison.OrdinalIgnoreCase);
            var hasDefault = p.Value.TryGetProperty("defaultValue", out var defaultValue);
            Assert.False(isSecure && hasDefault, $"secure parameter {p.Name} has a default");
            Assert.False(hasDefault && SecretSource().IsMatch(defaultValue.GetRawText()), $"parameter {p.Name} defaults to a secret");
        });
    }

    [Fact]
    public void ParametersFile_TakesEveryValueFromTheAzdEnvironment()
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("infra", "main.parameters.json")));
        var declared = Template.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.All(parameters.RootElement.GetProperty("parameters").EnumerateObject(), p =>
        {
            Assert.Contains(p.Name, declared);
            Assert.Matches(@"^\$\{[A-Z_]+(=[^}]*)?\}$", p.Value.GetProperty("value").GetString()!);
        });
    }

    private static bool IsAppIdentity(string principalIdExpression) =>
        principalIdExpression.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal);

    private static string ScopeType(string scopeExpression) => ResourceIdType().Match(scopeExpression).Groups[1].Value;

    private IEnumerable<ArmResource> Resources(string type) => ArmTemplate.Resources(Template).Where(r => r.Type == type);

    private string AppSettingsExpression() =>
        Assert.Single(Resources("Microsoft.Web/sites")).Properties.GetProperty("siteConfig").GetProperty("appSettings").GetString()!;

    private List<string> AppSettingNames() => [.. ArmTemplate.SettingNames(AppSettingsExpression())];

    [GeneratedRegex(@"\b(Warning|Error)\b")]
    private static partial Regex Diagnostic();

    [GeneratedRegex("secret|password|connectionstring|accountkey|instrumentationkey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"list(Keys|Secrets|ConnectionStrings)?\(|ConnectionString|InstrumentationKey|AccountKey|primaryKey|whsec_|newGuid\(", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSource();

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ResourceIdType();
}
