using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace RegRights.Functions.OpenApi;

/// <summary>An HTTP-triggered function of this app as its attributes declare it: the one place a route is written.</summary>
/// <param name="Name">The function's name, <c>[Function("Name")]</c>.</param>
/// <param name="Route">The route template without the host's route prefix, e.g. <c>agreements/{id}</c>.</param>
/// <param name="Methods">The HTTP methods, upper case.</param>
/// <param name="AuthLevel">Who may call it, as the host checks it.</param>
/// <param name="Method">The function's method.</param>
internal sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel, MethodInfo Method)
{
    /// <summary>Every HTTP-triggered function declared in <paramref name="assembly"/>, by name.</summary>
    public static IReadOnlyList<HttpFunction> In(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(t => t is not null)
           where function is not null && trigger is not null
           orderby function.Name
           select new HttpFunction(
               function.Name,
               trigger.Route ?? function.Name,
               [.. (trigger.Methods ?? ["GET", "POST"]).Select(m => m.ToUpperInvariant())],
               trigger.AuthLevel,
               method),
    ];

    /// <summary>
    /// The function's method as a delegate for ASP.NET Core's endpoint metadata (parameters, result types, attributes),
    /// bound to an instance that is never constructed because the delegate is described, never invoked.
    /// </summary>
    public Delegate DescribingDelegate()
    {
        var types = Method.GetParameters().Select(p => p.ParameterType).Append(Method.ReturnType).ToArray();
        var target = Method.IsStatic ? null : RuntimeHelpers.GetUninitializedObject(Method.DeclaringType!);
        return Method.CreateDelegate(Expression.GetDelegateType(types), target);
    }
}
