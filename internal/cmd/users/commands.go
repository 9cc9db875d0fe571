package users

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
)

func newCmdList(o *Options, run func() error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List or search the users of the pool",
		Long: `List the users of the pool, page by page as Cognito returns them, so that
memory stays flat however large the pool is. Requests are paced to stay under
Cognito's ListUsers quota.

Search with Cognito's filter syntax: ATTRIBUTE = "VALUE" (exact) or
ATTRIBUTE ^= "VALUE" (starts with), on one of:
  ` + strings.Join(users.Searchable[:len(users.Searchable)/2], ", ") + `,
  ` + strings.Join(users.Searchable[len(users.Searchable)/2:], ", ") + `.
Custom attributes cannot be searched. --email-prefix and --status are
shorthands; since Cognito filters on one attribute, only one of --filter,
--email-prefix and --status can be given.

On a terminal the users come as a table; piped, as tab-separated lines.
--json writes one JSON array, --json-lines one JSON object per line.`,
		Example: `  cogwiz users list
  cogwiz users list --email-prefix jo
  cogwiz users list --status UNCONFIRMED --json-lines
  cogwiz users list --filter 'family_name ^= "Love"' --limit 10
  cogwiz users list --filter 'phone_number = "+15555550100"' --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ctx = cmd.Context()
			if o.JSON && o.JSONLines {
				return cmdutil.FlagErrorf("--json and --json-lines cannot be combined")
			}
			if o.Limit < 0 {
				return cmdutil.FlagErrorf("--limit must be 0 (all) or more, not %d", o.Limit)
			}
			// A bad filter is a usage error, caught before any request.
			if _, err := o.Query.Filter(); err != nil {
				return usageErr(err)
			}
			return run()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Query.Expr, "filter", "", `Cognito filter, e.g. 'email ^= "jo"'`)
	fl.StringVar(&o.Query.EmailPrefix, "email-prefix", "", "users whose email starts with this")
	fl.StringVar(&o.Query.Status, "status", "", "users with this status, e.g. CONFIRMED")
	fl.IntVar(&o.Limit, "limit", 0, "stop after this many users (0 = all)")
	fl.BoolVar(&o.JSON, "json", false, "write a JSON array")
	fl.BoolVar(&o.JSONLines, "json-lines", false, "write one JSON object per line")
	return cmd
}

func userArg(o *Options, run func() error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		o.ctx = cmd.Context()
		o.User = args[0]
		return run()
	}
}

func newCmdGet(o *Options, run func() error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "get USER",
		Short: "Show one user: status, attributes, MFA",
		Long: `Show one user: status, whether they can sign in, when they were created and
changed, their MFA settings and every attribute.`,
		Example: `  cogwiz users get ada
  cogwiz users get ada@example.com --json`,
		Args: cobra.ExactArgs(1),
		RunE: userArg(o, run),
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "write JSON")
	return cmd
}

func newCmdCreate(o *Options, run func() error) *cobra.Command {
	var attrs []string
	cmd := &cobra.Command{
		Use:   "create USER",
		Short: "Create a user as an administrator",
		Long: `Create a user as an administrator. Cognito sends an invitation with a
temporary password (one you give, or one it makes up) unless --suppress; the
user then chooses their own password at the first sign-in.

Attributes are checked against the pool's schema first, and the temporary
password against its password policy: nothing is created if one is wrong.`,
		Example: `  cogwiz users create ada --attribute email=ada@example.com
  cogwiz users create ada@example.com --suppress
  cogwiz users create bob --attribute email=bob@example.com --attribute custom:tier=gold`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Attributes = map[string]string{}
			for _, kv := range attrs {
				k, v, ok := strings.Cut(kv, "=")
				if !ok || k == "" {
					return cmdutil.FlagErrorf("--attribute %q: want NAME=VALUE, e.g. email=ada@example.com", kv)
				}
				o.Attributes[k] = v
			}
			return userArg(o, run)(cmd, args)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&attrs, "attribute", nil, "an attribute as NAME=VALUE (repeat for more)")
	fl.StringVar(&o.TemporaryPassword, "temporary-password", "", "temporary password (default: generated)")
	fl.BoolVar(&o.Suppress, "suppress", false, "send no invitation message")
	return cmd
}

type simpleCmd struct {
	name, short, long, example string
}

var simpleCmds = map[string]simpleCmd{
	"confirm": {"confirm", "Confirm a user who signed up but never entered the code",
		"Confirm a user who signed up but never entered their confirmation code, as an\nadministrator. A user who is already confirmed is left as they are.",
		"  cogwiz users confirm ada"},
	"reset-password": {"reset-password", "Make the user choose a new password",
		"Make the user's password unusable and send them a code (by email or SMS,\nfollowing the pool's account recovery) to choose a new one at the next sign-in.",
		"  cogwiz users reset-password ada"},
	"enable": {"enable", "Let a disabled user sign in again",
		"Let a disabled user sign in again.", "  cogwiz users enable ada"},
	"disable": {"disable", "Stop a user from signing in, keeping the account",
		"Stop a user from signing in. The account and its attributes stay; enable\nbrings them back.", "  cogwiz users disable ada"},
	"sign-out": {"sign-out", "Sign a user out everywhere (revoke their refresh tokens)",
		"Sign a user out of every device: their refresh tokens are revoked. Access and\nID tokens already issued stay valid until they expire (1 hour by default).",
		"  cogwiz users sign-out ada"},
}

func newCmdSimple(o *Options, run func(string) func() error, c simpleCmd) *cobra.Command {
	return &cobra.Command{
		Use:     c.name + " USER",
		Short:   c.short,
		Long:    c.long,
		Example: c.example,
		Args:    cobra.ExactArgs(1),
		RunE:    userArg(o, run(c.name)),
	}
}

func newCmdSetPassword(o *Options, run func() error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "set-password USER [PASSWORD]",
		Short: "Set a user's password",
		Long: `Set a user's password, checked first against the pool's password policy.

Without --permanent the password is temporary: the user must choose a new one
at the next sign-in. The password comes from the argument, from stdin with
--password-stdin, or from a hidden prompt on a terminal; the last two keep it
out of your shell history. It is never printed.`,
		Example: `  # asks for the password without echoing it
  cogwiz users set-password ada --permanent

  printf '%s' "$PASSWORD" | cogwiz users set-password ada --password-stdin`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 2 {
				if o.PasswordStdin {
					return cmdutil.FlagErrorf("give the password as an argument or with --password-stdin, not both")
				}
				o.Password = args[1]
			}
			return userArg(o, run)(cmd, args)
		},
	}
	cmd.Flags().BoolVar(&o.PasswordStdin, "password-stdin", false, "read the password from stdin")
	cmd.Flags().BoolVar(&o.Permanent, "permanent", false, "a permanent password (default: the user must change it at the next sign-in)")
	return cmd
}

func newCmdDelete(o *Options, run func() error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "delete USER",
		Short: "Delete a user for good",
		Long: `Delete a user and everything Cognito holds about them. This cannot be undone.

On a terminal it asks you to type the username first; elsewhere it needs
--yes.`,
		Example: `  cogwiz users delete ada
  cogwiz users delete ada --yes`,
		Args: cobra.ExactArgs(1),
		RunE: userArg(o, run),
	}
	cmd.Flags().BoolVar(&o.Yes, "yes", false, "delete without asking")
	return cmd
}

func newCmdGroupChange(o *Options, run func(string) func() error, name string) *cobra.Command {
	short, long, example := "Add a user to a group", "Add a user to a group of the pool. The group must exist (user_pool.groups in\ncognito.yaml).", "  cogwiz users add-to-group ada Admins"
	if name == "remove-from-group" {
		short, long, example = "Take a user out of a group", "Take a user out of a group of the pool.", "  cogwiz users remove-from-group ada Admins"
	}
	return &cobra.Command{
		Use:     name + " USER GROUP",
		Short:   short,
		Long:    long,
		Example: example,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Group = args[1]
			return userArg(o, run(name))(cmd, args)
		},
	}
}

func newCmdGroups(o *Options, run func() error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "groups USER",
		Short: "List the groups a user belongs to",
		Long:  "List the groups a user belongs to, with their precedence and description.",
		Example: `  cogwiz users groups ada
  cogwiz users groups ada --json`,
		Args: cobra.ExactArgs(1),
		RunE: userArg(o, run),
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "write JSON")
	return cmd
}

func newCmdMFA(o *Options, run func() error) *cobra.Command {
	var sms, totp string
	cmd := &cobra.Command{
		Use:   "mfa USER",
		Short: "Turn a user's SMS or TOTP MFA on or off",
		Long: `Turn a user's MFA factors on or off, and pick the preferred one.

The factor must be enabled in the pool (user_pool.mfa.factors). TOTP can be
turned on only for a user who has registered an authenticator app.`,
		Example: `  cogwiz users mfa ada --totp on --preferred totp
  cogwiz users mfa ada --sms off`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if o.MFA.SMS, err = onOff("--sms", sms); err != nil {
				return err
			}
			if o.MFA.TOTP, err = onOff("--totp", totp); err != nil {
				return err
			}
			switch o.MFA.Preferred {
			case "", users.FactorSMS, users.FactorTOTP:
			default:
				return cmdutil.FlagErrorf("--preferred %q: want sms or totp", o.MFA.Preferred)
			}
			if o.MFA.SMS == nil && o.MFA.TOTP == nil && o.MFA.Preferred == "" {
				return cmdutil.FlagErrorf("nothing to change: pass --sms on|off, --totp on|off or --preferred sms|totp")
			}
			return userArg(o, run)(cmd, args)
		},
	}
	cmd.Flags().StringVar(&sms, "sms", "", "SMS codes: on or off")
	cmd.Flags().StringVar(&totp, "totp", "", "authenticator app codes: on or off")
	cmd.Flags().StringVar(&o.MFA.Preferred, "preferred", "", "the factor to ask for first: sms or totp")
	return cmd
}

func onOff(flag, v string) (*bool, error) {
	switch strings.ToLower(v) {
	case "":
		return nil, nil
	case "on", "true", "yes":
		b := true
		return &b, nil
	case "off", "false", "no":
		b := false
		return &b, nil
	}
	return nil, cmdutil.FlagErrorf("%s %q: want on or off", flag, v)
}

// usageErr is a usage problem that carries its own hint (exit 3).
func usageErr(err error) error {
	e := &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: err}
	var ue *users.Error
	if errors.As(err, &ue) {
		e.Hint = ue.Hint
	}
	return e
}
