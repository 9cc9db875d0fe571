// Package explain implements `cogwiz explain [KEY]`.
package explain

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Options holds the dependencies and flags of `cogwiz explain [KEY]`.
type Options struct {
	Factory *cmdutil.Factory
	// Sources are searched in order; nil means the package's Sources.
	Sources []Source

	Key  string
	JSON bool
}

// NewCmdExplain builds the command; runF replaces the run function in tests.
func NewCmdExplain(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "explain [KEY]",
		Short: "Explain a setting: meaning, values, ⭐, ⚠️, API field, docs",
		Long: `Explain a key of cognito.yaml: what it does, the values it takes, Cognito's
default, the recommended choice (⭐) and why, whether it can never be changed
once the pool exists (⚠️) and why, the Cognito API field it sets, and the AWS
documentation (📝).

KEY is a dotted path as written in the file. List items may be written with
[], with an index, or without either: app_clients.oauth.flows,
app_clients[].oauth.flows and app_clients[0].oauth.flows are the same key.

KEY may also be the id of a wizard question (as in cogwiz init --answers),
such as sign_in or mfa_mode.

Without KEY, every key and question is listed with its title; ⚠️ marks the
create-only ones. The same text is in docs/reference.md and docs/questions.md.`,
		Example: `  # what does the sign-in choice mean, and can it change later?
  cogwiz explain user_pool.sign_in.username_attributes

  # list every key
  cogwiz explain

  # a wizard question, by its id
  cogwiz explain sign_in

  # machine-readable
  cogwiz explain app_clients.oauth.flows --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Key = strings.TrimSpace(args[0])
				if opts.Key == "" {
					return cmdutil.FlagErrorf("KEY is empty: give a key such as user_pool.name, or no argument to list every key")
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return explainRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the setting (or all settings) as JSON")
	cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		sources := opts.Sources
		if sources == nil {
			sources = Sources
		}
		return complete(sources, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
	return cmd
}

// complete offers the keys and question ids that start with prefix, each
// with its title, as the shell shows them. Keys are offered without []
// (app_clients.oauth.flows), which explain accepts and no shell needs to
// quote.
func complete(sources []Source, prefix string) []cobra.Completion {
	var out []cobra.Completion
	seen := map[string]bool{}
	for _, src := range sources {
		for _, s := range src.List() {
			key := config.NormalizeKey(s.Key)
			if seen[key] || !strings.HasPrefix(key, prefix) {
				continue
			}
			seen[key] = true
			out = append(out, cobra.CompletionWithDesc(key, s.Title))
		}
	}
	return out
}

func explainRun(opts *Options) error {
	ios := opts.Factory.IOStreams
	sources := opts.Sources
	if sources == nil {
		sources = Sources
	}
	ro := render.ExplainOptions{Width: ios.TerminalWidth(), Color: ios.ColorEnabled() && ios.IsStdoutTTY()}

	if opts.Key == "" {
		var all []config.Setting
		var groups []render.ExplainGroup
		for _, src := range sources {
			list := src.List()
			all = append(all, list...)
			groups = append(groups, render.ExplainGroup{Title: src.Title, Settings: list})
		}
		if opts.JSON {
			return writeJSON(opts, all)
		}
		return render.ExplainList(ios.Out, groups, ro)
	}

	s, ok := find(sources, opts.Key)
	if !ok {
		return cmdutil.WithHint(
			errors.New(render.ExplainNotFound(opts.Key, suggest(sources, opts.Key))),
			"run `cogwiz explain` to list every key")
	}
	if opts.JSON {
		return writeJSON(opts, s)
	}
	return render.ExplainText(ios.Out, s, ro)
}

func writeJSON(opts *Options, v any) error {
	enc := json.NewEncoder(opts.Factory.IOStreams.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func find(sources []Source, key string) (config.Setting, bool) {
	for _, src := range sources {
		if s, ok := src.Lookup(key); ok {
			return s, true
		}
	}
	return config.Setting{}, false
}
