package importcmd

import (
	"context"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
)

func newCmdPool(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams, Source: "pool"}
	cmd := &cobra.Command{
		Use:   "pool POOL_ID",
		Short: "Write cognito.yaml from a user pool that exists in Cognito",
		Long: `Read a live user pool — its settings, MFA, app clients, groups, domain,
identity providers and resource servers — and write cognito.yaml, so that
cogwiz plan right after shows no changes.

The identity pool that trusts the pool's app clients comes along, with its
roles: roles cogwiz created stay cogwiz's, any other role is named by ARN
(cogwiz uses it and never changes or deletes it).

It reads with the same mapping plan uses, and changes nothing in Cognito.
When the pool was not made by cogwiz, the file pins it with user_pool.id.
Secrets are not copied: a provider's client secret becomes an ${env:NAME}
reference, and cogwiz lists the variables to set.`,
		Example: `  # a pool made in the console or by another tool
  cogwiz import pool eu-west-1_AbCdEf123
  cogwiz plan

  # from cognito-local, printed
  cogwiz import pool local_5aBcD --endpoint-url http://127.0.0.1:9229 --region us-east-1 -o -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.PoolID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return poolRun(cmd.Context(), opts)
		},
	}
	addOutputFlags(cmd, opts)
	cmd.Flags().StringVar(&opts.IdentityPoolID, "identity-pool-id", "", "import this identity pool `ID` with the user pool (default: the one that trusts the pool's app clients)")
	return cmd
}

func poolRun(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	output, err := checkOverwrite(opts)
	if err != nil {
		return err
	}
	api, err := opts.Factory.Cognito(ctx)
	if err != nil {
		return err
	}
	cfg, err := cognito.ReadConfig(ctx, api, opts.PoolID)
	if err != nil {
		return err
	}
	if cfg.ResourceName == "" {
		// Not made by cogwiz: pin the pool, and name the resource after it.
		cfg.UserPool.ID = opts.PoolID
		cfg.ResourceName = resourceName(cfg.UserPool.Name)
		cmdutil.Note(opts.IO, fmt.Sprintf("the pool has no %s tag, so the file pins it with user_pool.id; resource_name is %s", cognito.TagResourceName, cfg.ResourceName))
	}
	fmt.Fprintf(opts.IO.ErrOut, "imported user pool %s (%s)\n", opts.PoolID, cfg.UserPool.Name)
	if err := importIdentity(ctx, opts, cfg); err != nil {
		return err
	}
	if refs := secretNames(cfg); len(refs) > 0 {
		fmt.Fprintln(opts.IO.ErrOut, "secrets are not copied; set these environment variables before cogwiz plan or apply:")
		for _, n := range refs {
			fmt.Fprintf(opts.IO.ErrOut, "  %s\n", n)
		}
	}
	return write(ctx, opts.IO, output, opts.Force, cfg, opts.Comments)
}

// importIdentity adds the identity pool that trusts the pool's clients
// (or the one --identity-pool-id names), with its roles.
func importIdentity(ctx context.Context, opts *Options, cfg *config.Config) error {
	probe := &config.Config{IdentityPool: &config.IdentityPool{}}
	ic, err := opts.Factory.IdentityClients(ctx, probe)
	if err != nil {
		return err
	}
	notes, err := apply.ImportIdentity(ctx, ic, cfg, opts.PoolID, opts.IdentityPoolID)
	if err != nil {
		if opts.IdentityPoolID == "" && cognito.IsUnsupported(err) {
			// cognito-local has no identity pools.
			cmdutil.Note(opts.IO, "this endpoint has no identity pools; only the user pool was imported")
			return nil
		}
		return err
	}
	for _, n := range notes {
		cmdutil.Note(opts.IO, n)
	}
	if cfg.IdentityPool != nil {
		fmt.Fprintf(opts.IO.ErrOut, "imported identity pool %s (%s)\n", cfg.IdentityPool.Name, opts.IdentityPoolID+cfg.IdentityPool.ID)
	}
	return nil
}

// resourceName keeps the letters and digits of a pool name, as
// resource_name allows: "shop-users_prod" → "shopusersprod".
func resourceName(pool string) string {
	var b []rune
	for _, r := range pool {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b = append(b, r)
		}
	}
	if len(b) == 0 {
		return "UserPool"
	}
	if len(b) > 128 {
		b = b[:128]
	}
	return string(b)
}

// secretNames lists the environment variables the file's references read.
func secretNames(cfg *config.Config) []string {
	seen := map[string]bool{}
	for _, p := range cfg.IdentityProviders {
		for _, s := range []string{p.ClientSecret, p.PrivateKey} {
			if n, ok := config.SecretRefName(s); ok {
				seen[n] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
