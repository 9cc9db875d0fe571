// Package destroy implements `cogwiz destroy`.
package destroy

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// Options holds the dependencies and flags of `cogwiz destroy`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams

	File                      string
	AutoApprove               bool
	DisableDeletionProtection bool
	PoolID                    string
}

// NewCmdDestroy builds the command; runF replaces the run function in tests.
func NewCmdDestroy(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "destroy",
		Short: "Delete what apply created",
		Long: `Delete the user pool cognito.yaml describes, with everything in it: app
clients, groups, domain, identity providers, resource servers and every
user account. With an identity pool, destroy deletes it and the IAM roles
cogwiz created for it first; a role the file names by ARN is never deleted.
Then the trigger functions cogwiz deployed for it go, with their roles
(never a function the file names by ARN). There is no undo from cogwiz (AWS keeps a deleted pool
inactive for 14 days, and only AWS Support can restore it).

destroy first shows what will be deleted and how many users the pool has
(counted, up to 1000; beyond that "at least 1000"), then asks you to type
the pool's name. It refuses while deletion protection is on unless you pass
--disable-deletion-protection, which turns it off (read-modify-write,
nothing else changes) right before deleting, and back on if the delete
fails. Without a terminal pass --auto-approve: then destroy deletes only a
pool tagged with this file's resource_name; any other pool (a pinned id,
--pool-id) needs its name typed.`,
		Example: `  # see what would go, then type the pool name to confirm
  cogwiz destroy

  # a pool with deletion protection, in a script
  cogwiz destroy --disable-deletion-protection --auto-approve`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = f.ConfigPath()
			if !opts.AutoApprove && !opts.IO.CanPrompt() {
				return cmdutil.FlagErrorf("destroy asks you to type the pool name and there is no terminal: pass --auto-approve")
			}
			if runF != nil {
				return runF(opts)
			}
			return cognito.Friendly(destroyRun(cmd.Context(), opts))
		},
	}
	cmd.Flags().BoolVar(&opts.AutoApprove, "auto-approve", false, "delete without asking for the pool name")
	cmd.Flags().BoolVar(&opts.DisableDeletionProtection, "disable-deletion-protection", false, "turn deletion protection off first")
	cmd.Flags().StringVar(&opts.PoolID, "pool-id", "", "destroy pool `ID`, not the one found by tag")
	return cmd
}

// userBound is how many users destroy counts one by one; beyond it, it
// says "at least" (ListUsers gives 60 a page: 17 calls at most).
const userBound = 1000

func destroyRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	io := opts.IO
	doc, err := config.LoadContext(ctx, opts.File)
	if err != nil {
		return err
	}
	cfg := doc.Config
	if opts.PoolID != "" {
		cfg.UserPool.ID = opts.PoolID
	}
	api, ic, err := opts.Factory.PoolClients(ctx, io.ErrOut, cfg)
	if err != nil {
		return err
	}
	l, err := cognito.FindPool(ctx, api, cfg)
	if err != nil {
		return err
	}
	ident, err := apply.ReadIdentity(ctx, ic, cfg)
	if err != nil {
		return err
	}
	if l.ID == "" {
		// The user pool is gone but its identity pool, its functions or
		// their roles are not (an earlier destroy stopped half-way):
		// finish the job.
		fs, fc, err := readFunctions(ctx, opts.Factory, cfg, nil)
		if err != nil {
			return err
		}
		if identityLeft(ident) || functionsLeft(fs) {
			writeIdentitySummary(io, cfg, ident)
			writeFunctions(io, fs)
			name := cfg.ResourceName
			if identityLeft(ident) {
				name = identityName(ident, cfg)
			}
			if err := confirmName(ctx, opts, name); err != nil {
				return err
			}
			progress := func(s string) { fmt.Fprintln(io.ErrOut, s) }
			if err := apply.DestroyIdentity(ctx, ic, ident, progress); err != nil {
				return err
			}
			return apply.DestroyFunctions(ctx, fc, fs, progress)
		}
		if cfg.UserPool.ID != "" {
			fmt.Fprintf(io.ErrOut, "No user pool %s in this account and region: nothing to destroy.\n", cfg.UserPool.ID)
			return nil
		}
		fmt.Fprintf(io.ErrOut, "No user pool tagged %s=%s: nothing to destroy.\n", cognito.TagResourceName, cfg.ResourceName)
		return nil
	}
	id := l.ID
	sum, err := cognito.DescribePool(ctx, api, id)
	if err != nil {
		return err
	}
	st, err := cognito.ReadState(ctx, api, id)
	if err != nil {
		return err
	}
	users, more, err := cognito.CountUsers(ctx, api, id, userBound)
	if err != nil {
		return err
	}
	// Without a typed name, destroy deletes only a pool that says it is
	// this file's: a pinned id or --pool-id may name anyone's pool.
	owner := sum.Tags[cognito.TagResourceName]
	mine := owner != "" && owner == cfg.ResourceName
	fs, fc, err := readFunctions(ctx, opts.Factory, cfg, st)
	if err != nil {
		return err
	}
	writeSummary(io, sum, st, users, more)
	writeIdentitySummary(io, cfg, ident)
	writeFunctions(io, fs)
	if !mine {
		fmt.Fprintf(io.Out, "  %s\n", foreign(owner, cfg.ResourceName))
	}
	if sum.DeletionProtection && !opts.DisableDeletionProtection {
		return cmdutil.WithHint(fmt.Errorf("user pool %s has deletion protection on; nothing was deleted", id),
			"pass --disable-deletion-protection to turn it off and delete, or set user_pool.deletion_protection: false and apply first")
	}
	if opts.AutoApprove && !mine {
		return cmdutil.WithHint(fmt.Errorf("user pool %s (%s) is not tagged %s=%s; nothing was deleted", id, sum.Name, cognito.TagResourceName, cfg.ResourceName),
			"--auto-approve deletes only this file's pool; to delete this one, run destroy on a terminal without --auto-approve and type its name")
	}
	if err := confirmName(ctx, opts, sum.Name); err != nil {
		return err
	}
	// The identity pool and its roles go first: they refer to the user
	// pool's clients, and an identity pool left without them is useless.
	if err := apply.DestroyIdentity(ctx, ic, ident, func(s string) { fmt.Fprintln(io.ErrOut, s) }); err != nil {
		return err
	}
	if sum.DeletionProtection {
		fmt.Fprintf(io.ErrOut, "turning off deletion protection of %s\n", id)
		if err := cognito.DisableDeletionProtection(ctx, api, id); err != nil {
			return err
		}
	}
	fmt.Fprintf(io.ErrOut, "deleting user pool %s\n", id)
	if err := cognito.DeletePool(ctx, api, id, sum.Domain); err != nil {
		if sum.DeletionProtection {
			return protectionAfterFailure(ctx, api, id, err)
		}
		return err
	}
	// The functions go once no pool can call them any more.
	if err := apply.DestroyFunctions(ctx, fc, fs, func(s string) { fmt.Fprintln(io.ErrOut, s) }); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "Destroyed user pool %s (%s).\n", sum.Name, id)
	return nil
}

// foreign says whose the pool is when it does not carry this file's tag.
func foreign(owner, want string) string {
	if owner == "" {
		return fmt.Sprintf("this pool has no %s tag: cogwiz did not create it, or the tag was removed (this file's is %s=%s)", cognito.TagResourceName, cognito.TagResourceName, want)
	}
	return fmt.Sprintf("this pool is tagged %s=%s, not this file's %s", cognito.TagResourceName, owner, want)
}

// protectionAfterFailure turns deletion protection back on after a delete
// that failed, and says which state the pool is in now.
func protectionAfterFailure(ctx context.Context, api cognito.API, id string, err error) error {
	if rerr := cognito.SetDeletionProtection(ctx, api, id, true); rerr != nil {
		return cmdutil.WithHint(fmt.Errorf("%w; deletion protection of %s is OFF now (turning it back on failed: %v)", cognito.Friendly(err), id, cognito.Friendly(rerr)),
			"turn it back on: set user_pool.deletion_protection: true and run cogwiz apply, or run destroy again")
	}
	return cmdutil.WithHint(fmt.Errorf("%w; deletion protection of %s was turned back on", cognito.Friendly(err), id),
		"fix the cause and run destroy again")
}

// readFunctions finds the trigger functions and roles cogwiz created for
// the file (by their tags), which destroy deletes after the pool.
func readFunctions(ctx context.Context, f *cmdutil.Factory, cfg *config.Config, st *cognito.State) (*plan.FunctionState, *apply.FunctionClients, error) {
	l, i, err := f.FunctionClients(ctx)
	if err != nil || l == nil {
		return nil, nil, err
	}
	fc := &apply.FunctionClients{Lambda: l, IAM: i}
	fs, err := apply.ReadFunctions(ctx, fc, cfg, st, nil)
	return fs, fc, err
}

func functionsLeft(s *plan.FunctionState) bool {
	return s != nil && (len(s.Live) > 0 || len(s.Roles) > 0)
}

// writeFunctions lists the functions and roles destroy deletes.
func writeFunctions(io *iostreams.IOStreams, fs *plan.FunctionState) {
	if fs == nil {
		return
	}
	for _, key := range slices.Sorted(maps.Keys(fs.Live)) {
		fmt.Fprintf(io.Out, "  - trigger function %s (%s)\n", fs.Live[key].Function.Name, key)
	}
	for _, name := range slices.Sorted(maps.Keys(fs.Roles)) {
		fmt.Fprintf(io.Out, "  - its IAM role %s\n", name)
	}
}

// confirmName asks for name to be typed, unless --auto-approve.
func confirmName(ctx context.Context, opts *Options, name string) error {
	if opts.AutoApprove {
		return nil
	}
	line, err := cmdutil.ReadLine(ctx, opts.IO.In, opts.IO.ErrOut, fmt.Sprintf("\nType the pool name (%s) to delete it: ", name))
	if err != nil {
		return err
	}
	if strings.TrimSpace(line) != name {
		return errors.New("destroy cancelled: the name did not match; nothing was deleted")
	}
	return nil
}

func identityLeft(s *plan.IdentityState) bool {
	return s != nil && (s.Pool != nil || len(s.Created) > 0)
}

func identityName(s *plan.IdentityState, cfg *config.Config) string {
	if s.Pool != nil {
		return s.Pool.Name
	}
	return cfg.IdentityPool.Name
}

// writeIdentitySummary lists the identity pool and the roles cogwiz
// created, and the roles it leaves alone because the file names them by ARN.
func writeIdentitySummary(io *iostreams.IOStreams, cfg *config.Config, s *plan.IdentityState) {
	if s == nil {
		return
	}
	w := io.Out
	if s.Pool != nil {
		fmt.Fprintf(w, "cogwiz will delete identity pool %s (%s)\n", s.Pool.Name, s.Pool.ID)
	}
	for _, name := range slices.Sorted(maps.Keys(s.Created)) {
		fmt.Fprintf(w, "  - IAM role %s (cogwiz created it)\n", name)
	}
	for _, r := range cfg.IdentityRoles() {
		if !r.Created() {
			fmt.Fprintf(w, "  left alone: IAM role %s (named by ARN in the file; cogwiz did not create it)\n", r.ARN)
		}
	}
}

// writeSummary lists what will be deleted, on stdout (it is data).
func writeSummary(io *iostreams.IOStreams, sum *cognito.PoolSummary, st *cognito.State, users int, more bool) {
	w := io.Out
	fmt.Fprintf(w, "cogwiz will delete user pool %s (%s) and everything in it:\n", sum.Name, sum.ID)
	if more {
		fmt.Fprintf(w, "  users: at least %d\n", users)
	} else {
		fmt.Fprintf(w, "  users: %d\n", users)
	}
	for _, c := range st.Config.AppClients {
		fmt.Fprintf(w, "  - app client %s (%s)\n", c.Name, c.ID)
	}
	for _, g := range st.Config.UserPool.Groups {
		fmt.Fprintf(w, "  - group %s\n", g.Name)
	}
	if sum.Domain != "" {
		fmt.Fprintf(w, "  - domain %s\n", sum.Domain)
	}
	for _, p := range st.Config.IdentityProviders {
		fmt.Fprintf(w, "  - identity provider %s\n", p.ProviderName())
	}
	for _, r := range st.Config.ResourceServers {
		fmt.Fprintf(w, "  - resource server %s\n", r.Identifier)
	}
	if sum.DeletionProtection {
		fmt.Fprintln(w, "  deletion protection: on")
	}
}
