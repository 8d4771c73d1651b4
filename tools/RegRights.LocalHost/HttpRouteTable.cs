using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace RegRights.LocalHost;

/// <summary>
/// The HTTP functions' routes, matched as the host matches them: ASP.NET Core route templates with inline constraints
/// (<c>{id:int}</c>, <c>{name:alpha}</c>, optional <c>{x?}</c>), most specific first, with the methods as a route
/// constraint, so a wrong method finds no route: 404, as the host answers.
/// </summary>
internal sealed class HttpRouteTable
{
    private readonly List<Entry> _entries;

    public HttpRouteTable(IEnumerable<LocalFunction> functions, IInlineConstraintResolver constraintResolver)
    {
        _entries = functions
            .Where(f => f.IsHttpTrigger && f.Route is not null)
            .Select(f => Entry.Create(f, constraintResolver))
            .OrderBy(e => e.Precedence)
            .ThenBy(e => e.Function.Route, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Finds the function for a request; its route values (optional ones left out included as null) on success.</summary>
    public bool TryMatch(HttpContext context, out LocalFunction? function, out RouteValueDictionary values)
    {
        foreach (Entry entry in _entries)
        {
            var candidate = new RouteValueDictionary();
            if (entry.Matches(context, candidate))
            {
                function = entry.Function;
                values = candidate;
                return true;
            }
        }

        function = null;
        values = [];
        return false;
    }

    private sealed class Entry
    {
        private readonly TemplateMatcher _matcher;
        private readonly IReadOnlyList<(string Name, IRouteConstraint Constraint)> _constraints;
        private readonly RouteTemplate _template;

        private Entry(LocalFunction function, RouteTemplate template, IReadOnlyList<(string, IRouteConstraint)> constraints)
        {
            Function = function;
            _template = template;
            _constraints = constraints;
            var defaults = new RouteValueDictionary();
            foreach (TemplatePart parameter in template.Parameters)
            {
                if (parameter.DefaultValue is not null)
                {
                    defaults[parameter.Name!] = parameter.DefaultValue;
                }
            }

            _matcher = new TemplateMatcher(template, defaults);
            Precedence = RoutePrecedence.ComputeInbound(template);
        }

        public LocalFunction Function { get; }

        public decimal Precedence { get; }

        public static Entry Create(LocalFunction function, IInlineConstraintResolver resolver)
        {
            RouteTemplate template = TemplateParser.Parse(function.Route!);
            var constraints = new List<(string, IRouteConstraint)>();
            foreach (TemplatePart parameter in template.Parameters)
            {
                foreach (InlineConstraint inline in parameter.InlineConstraints)
                {
                    IRouteConstraint constraint = resolver.ResolveConstraint(inline.Constraint)
                        ?? throw new InvalidOperationException($"Function '{function.Name}': unknown route constraint '{inline.Constraint}' in '{function.Route}'.");
                    if (parameter.IsOptional)
                    {
                        constraint = new Microsoft.AspNetCore.Routing.Constraints.OptionalRouteConstraint(constraint);
                    }

                    constraints.Add((parameter.Name!, constraint));
                }
            }

            return new Entry(function, template, constraints);
        }

        public bool Matches(HttpContext context, RouteValueDictionary values)
        {
            if (!_matcher.TryMatch(context.Request.Path, values))
            {
                return false;
            }

            foreach ((string name, IRouteConstraint constraint) in _constraints)
            {
                if (!constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }

            if (Function.Methods.Count > 0 && !Function.Methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            // The host passes optional parameters that were not in the URL as null route values.
            foreach (TemplatePart parameter in _template.Parameters)
            {
                if (parameter.IsOptional && parameter.DefaultValue is null && !values.ContainsKey(parameter.Name!))
                {
                    values[parameter.Name!] = null;
                }
            }

            return true;
        }
    }
}
