package outputscmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/outputs"
)

// Target is one outputs file to write, and its format.
type Target struct {
	Out    *cmdutil.Output
	Format outputs.Format
	// label names it in messages: "--outputs FILE" for apply, the file
	// for cogwiz outputs.
	label string
}

// CheckTargets resolves each path's format (format, when given, wins
// over the file name) and checks that it can be written, before the
// command makes any call: writing the outputs must not be what fails
// after apply changed Cognito. flag is the flag the paths came from ("" for
// arguments).
func CheckTargets(ios *iostreams.IOStreams, paths []string, format, flag string) ([]Target, error) {
	var forced outputs.Format
	if format != "" {
		f, err := outputs.ParseFormat(format)
		if err != nil {
			return nil, cmdutil.FlagErrorf("%w", err)
		}
		forced = f
	}
	seen := map[string]bool{}
	var out []Target
	for _, p := range paths {
		label := p
		if flag != "" {
			label = flag + " " + p
		}
		if p == "" {
			return nil, cmdutil.FlagErrorf("%s: empty file name; name a file, or - for stdout", flag)
		}
		key := filepath.Clean(p)
		if seen[key] {
			return nil, cmdutil.FlagErrorf("%s is named twice; name each file once", label)
		}
		seen[key] = true
		o, err := cmdutil.CheckOutput(ios, p)
		if err != nil {
			return nil, err
		}
		if o.IsFile() {
			if err := checkWritable(label, p); err != nil {
				return nil, err
			}
		}
		f := forced
		if f == "" {
			f = outputs.FormatFor(p)
		}
		out = append(out, Target{Out: o, Format: f, label: label})
	}
	return out, nil
}

// PickClient is the app client the targets name: checked whenever a
// front-end format needs one or --client NAME is given, else "".
func PickClient(ts []Target, cfg *config.Config, name string) (string, error) {
	if name == "" && !slices.ContainsFunc(ts, func(t Target) bool { return t.Format.NeedsClient() }) {
		return "", nil
	}
	return outputs.PickClient(cfg, name)
}

// Write renders and writes every target, replacing files atomically,
// and says on stderr what went where and what was left out.
func Write(ctx context.Context, ios *iostreams.IOStreams, ts []Target, in outputs.Input) error {
	for _, t := range ts {
		data, notes, err := outputs.Render(t.Format, in)
		if err != nil {
			return fmt.Errorf("writing %s: %w", t.Out.Path, err)
		}
		if err := t.Out.Write(ctx, data, 0o644, true); err != nil {
			return fmt.Errorf("writing outputs %s: %w", t.Out.Path, err)
		}
		for _, n := range notes {
			cmdutil.Note(ios, t.Out.Path+": "+n)
		}
		if t.Out.IsFile() {
			fmt.Fprintf(ios.ErrOut, "outputs written to %s (%s)\n", t.Out.Path, t.Format)
		}
	}
	return nil
}

// checkWritable makes sure a new or replaced outputs file can be
// written: the directory must exist and take a new file (the file is
// replaced through one).
func checkWritable(label, path string) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return cmdutil.FlagErrorf("%s: the directory %s does not exist; create it first or pick another path", label, dir)
	}
	f, err := os.CreateTemp(dir, ".cogwiz-outputs-*")
	if err != nil {
		return cmdutil.FlagErrorf("%s: cannot write in %s (%v); pick a writable directory", label, dir, errors.Unwrap(err))
	}
	f.Close()
	return os.Remove(f.Name())
}
