export const MAIN_HELP = `kubeknit — Kubernetes manifest linter and relationship analyzer

Usage:
  kubeknit lint [paths...] [options]   lint files, directories, globs, or - for stdin
  kubeknit rules [id] [--format json]  list the rules, or show one rule's docs
  kubeknit graph [paths...] [options]  print the relationship graph (json, mermaid, dot, svg, html)
  kubeknit baseline [paths...]         write today's findings to .kubeknit-baseline.json
  kubeknit diff <base> [<head>]        what a change does to objects, relationships and findings
  kubeknit lsp [--stdio]               run the language server for editors
  kubeknit schemas import <dir...>     convert Kubernetes OpenAPI v3 documents into schemas
  kubeknit --version                   print the version
  kubeknit --help                      print this help

Run "kubeknit <command> --help" for a command's options.
Exit status: 0 no error findings, 1 error findings (or too many warnings), 2 usage or internal error.
`;

export const LINT_HELP = `Usage: kubeknit lint [paths...] [options]

Lints every .yaml, .yml and .json file under the given paths (default: the current
directory) as one application, so relationships across files are checked.
Paths may be files, directories, globs ("deploy/**/*.yaml") or - for standard input.
A folder with a kustomization.yaml is built with kustomize and its objects linted in place of
its files; findings point at the file and line that wrote the field, or at the kustomization
entry (patch, namePrefix, namespace, images…) that set it.

Options:
  -f, --format <name>        report format: stylish (default), json, sarif, github, junit
  -o, --output <file>        write the report of the --format before it to a file; repeat the
                             pair for several reports (-f stylish -f sarif -o kubeknit.sarif)
  -c, --config <file>        the config file (default: the first .kubeknit.yaml, .kubeknit.yml
                             or .kubeknit.json from the current directory up to the repo root)
      --no-config            use no config file
      --report-unused-disable-directives
                             report kubeknit-disable comments and kubeknit.io/ignore
                             annotations that silence nothing
      --max-warnings <n>     exit 1 when there are more than n warnings
      --stdin-filename <f>   the name to report for standard input (default: <stdin>)
      --stdin                read standard input as the text of --stdin-filename, lint it with
                             the rest of the workspace on disk (and the config file found from
                             that file's folder), report only that file
      --ignore-pattern <g>   skip files matching this glob (repeatable)
      --max-file-size <n>    skip files above n bytes with a finding (default 52428800)
      --rule <id=severity>   set a rule to off, info, warning or error (repeatable; wins over the config)
      --preset <name>        recommended (default), strict, all, pss-baseline or pss-restricted
                             (Pod Security Standards; wins over the config's extends)
      --kube-version <x.y>   Kubernetes version to validate against (default: newest embedded, 1.35)
      --schema-location <p>  extra schemas: a folder ({group}/{kind}_{version}.json, or one written by
                             "kubeknit schemas import") or a path template with {{.Group}},
                             {{.ResourceKind}}, {{.ResourceAPIVersion}}, {{.KindSuffix}} (repeatable)
      --ignore-missing-schemas  do not warn about objects whose kind has no known schema
  -q, --quiet                report errors only
      --color / --no-color   force colours on or off (default: on a terminal, unless NO_COLOR)
  -j, --jobs <n>             parse files on n threads, the main one and n-1 workers (default: the
                             available cores, when the YAML is over 32 MB ÷ cores, where workers
                             pay off; at most the cores); --jobs 1 parses on the main thread alone. The report is the
                             same either way
      --cache                reuse parsed files from earlier runs while a file's text is unchanged,
                             and schema validation results while an object and its schema are
                             unchanged
      --cache-location <dir> where --cache keeps them (implies --cache; default: a folder per
                             repository in the user cache folder, e.g. ~/.cache/kubeknit/<hash>)
      --fix                  repair what can be repaired in place, then report what is left; fixes
                             that do not overlap go in together, then the files are linted again
                             (up to 10 passes). Every byte a fix does not need stays as it was.
                             With standard input, prints the fixed text instead
      --fix-dry-run          like --fix, but writes nothing: prints a unified diff (the report
                             then goes to standard error)
      --fix-type <types>     problem (default: the object is wrong today) and/or suggestion
                             (hardening a person should review), comma-separated or repeated
      --kustomize <mode>     render: build kustomizations, even those that fetch remote
                             resources (exit 2 when no kustomize is found); skip: lint their
                             files as they are (default: render when "kustomize" or "kubectl"
                             is on PATH, except kustomizations with remote resources, which
                             get an info; else skip with one info)
      --kustomize-command <c>  the command that builds a folder, e.g. "kustomize build" (split on
                             spaces, run without a shell, the folder added last; implies render)
      --render-timeout <s>   seconds one kustomize build may take (default 60)
  -n, --namespace <ns>       the namespace objects without metadata.namespace land in, as with
                             kubectl -n or helm -n (default: the config's "namespace", else
                             "default"); relationship rules and missing-namespace use it
      --cluster-inventory <file>
                             objects that exist in the cluster outside the input: the output of
                             kubectl get … -o yaml (a List or several documents) of namespaces,
                             StorageClasses, IngressClasses, ServiceAccounts, Secrets, ConfigMaps,
                             CRDs…; references to them are not reported (repeatable)
      --chart-dir <dir>      the Helm chart that "helm template" rendered the input from: findings
                             on documents after "# Source:" lines point at its template files
      --baseline <file>      report only findings the baseline file (see kubeknit baseline) does
                             not hold; the exit status follows them alone
      --report-unused-baseline
                             with --baseline: list entries no finding matches any more
      --changed-since <ref>  lint everything, but report only findings on objects changed since
                             the git revision <ref>, and on objects related to them
      --debug                print stack traces of internal errors
  -h, --help                 print this help
`;

export const BASELINE_HELP = `Usage: kubeknit baseline [paths...] [options]

Lints the paths (default: the current directory) and writes every finding as a fingerprint
(rule, object, field path, message without numbers) to a sorted, versioned JSON file.
"kubeknit lint --baseline <file>" then reports only findings the file does not hold.

Options:
  -o, --output <file>        where to write (default: .kubeknit-baseline.json)
  -c, --config <file>        the config file (default: found as for kubeknit lint)
      --no-config            use no config file
      --ignore-pattern <g>   skip files matching this glob (repeatable)
  -h, --help                 print this help
`;

export const DIFF_HELP = `Usage: kubeknit diff <base-ref> [<head-ref>] [options]

Lints two git revisions (head: the working tree when omitted) without touching the checkout,
and reports objects added, removed and changed, relationships added and removed, findings new
and fixed at head, and changes kubectl apply cannot make in place (immutable fields).
Exit status: 1 when a change cannot be applied in place or head has new error findings.

Options:
  -f, --format <name>        stylish (default), markdown (a pull request comment with a Mermaid
                             picture of the changed neighbourhood) or json
  -o, --output <file>        write to a file instead of standard output
  -p, --path <path>          lint only this path of each revision (repeatable; default: .)
  -c, --config <file>        the config file (default: found as for kubeknit lint)
      --no-config            use no config file
  -n, --namespace <ns>       the namespace objects without metadata.namespace land in, in both
                             revisions (as for kubeknit lint)
      --cluster-inventory <file>
                             what exists in the cluster outside the input, read from the working
                             tree and used for both revisions (repeatable; as for kubeknit lint)
  -h, --help                 print this help
`;

export const RULES_HELP = `Usage: kubeknit rules [id] [options]

Without an id, lists every rule: id, family, default severity, presets, description.
With an id, prints the rule's documentation: what it finds, why it matters, how to fix it.

Options:
  -f, --format <name>   text (default) or json
  -h, --help            print this help
`;

export const GRAPH_HELP = `Usage: kubeknit graph [paths...] [options]

Prints the relationship graph of the manifests: objects, the objects controllers create at
run time (implied), references to objects missing from the input, and typed edges.

Options:
  -f, --format <name>        json (default), mermaid (GitHub Markdown), dot (Graphviz),
                             svg (a styled picture), html (an interactive page: pan, zoom,
                             search, filters, details and findings on click)
  -o, --output <file>        write to a file instead of standard output
  -n, --namespace <ns>       the namespace objects without metadata.namespace land in, as with
                             kubectl -n (default: the config's "namespace", else "default")
      --only-namespace <ns>  show only objects of this namespace
      --cluster-inventory <file>
                             what exists in the cluster outside the input, as for kubeknit lint
      --kind <Kind>          only objects of this kind (repeatable, or comma-separated)
      --focus <Kind/ns/name> only the neighbourhood of one object
      --depth <n>            with --focus or --only-findings: how many edges away (default 1)
      --impact <Kind/ns/name>
                             only the object and what depends on it, transitively: what may
                             break if it is deleted or changed
      --hide-implied         leave out implied ReplicaSets, Jobs and Pods
      --only-findings        only objects with findings and their neighbours (--depth, default 1)
      --stdin-filename <f>   the name to show for standard input (-)
  -c, --config <file>        the config file (default: found as for kubeknit lint); its ignore
                             list and rule settings apply
      --no-config            use no config file
  -h, --help                 print this help
`;

export const LSP_HELP = `Usage: kubeknit lsp [--stdio]

Runs the kubeknit language server on standard input and output (the Language Server
Protocol). Editors start it; it lints the workspace folders as one application and
publishes diagnostics as you type, with hover and go-to-definition on references and
quick fixes. --stdio is accepted because editors pass it; stdio is the only transport.

Options:
      --stdio      speak LSP on standard input and output (the default)
  -h, --help       print this help
`;

export const SCHEMAS_HELP = `Usage: kubeknit schemas import <dir...> [options]

Converts folders of Kubernetes OpenAPI v3 documents (api/v1.json, apis/<group>/<version>.json,
as a cluster serves them at /openapi/v3) into the strict schemas kubeknit validates with:
<out>/<version>.json.gz, and the kinds each version serves in <out>/served.json.
The version is the folder's name (1.33) unless --kube-version is given. Point
"kubeknit lint --schema-location <out>" at the result to lint against it.

Options:
      --out <dir>            where to write (default: the schemas embedded in kubeknit)
      --kube-version <x.y>   the Kubernetes version of the documents
  -h, --help                 print this help
`;
