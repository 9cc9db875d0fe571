// Package try implements `cogwiz try`: a throw-away user walks the
// configured flows of the applied pool, and each step says what it proved.
package try

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
	"github.com/cogwiz/cogwiz/internal/iostreams"
	"github.com/cogwiz/cogwiz/internal/render"
)

// Options holds the dependencies and flags of `cogwiz try`.
type Options struct {
	Factory *cmdutil.Factory

	// PoolID overrides the pool found from cognito.yaml.
	PoolID string
	// Client is the app client's name or id (default: the pool's only client).
	Client string
	// Yes confirms the user as an administrator instead of asking for the code.
	Yes bool
	// Email and Phone are the user's own, where Cognito sends the codes.
	Email, Phone string

	// Now is the clock (tests pin it).
	Now func() time.Time

	ctx context.Context
}

// NewCmdTry builds the command; runF replaces the run function in tests.
func NewCmdTry(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "try",
		Short: "Prove sign-up, sign-in and forgot-password work on the pool",
		Long: `Check that the pool works the way cognito.yaml says, end to end, with a
throw-away user (cogwiz-try-<random>):

  sign-up          SignUp through the app client, with the password policy
  confirm          the code Cognito sent, or an administrator's confirmation
  sign-in          SRP or USER_PASSWORD_AUTH, whichever the client allows
  id-token         the ID token's claims: issuer, audience, expiry, email...
  forgot-password  the account recovery message
  clean-up         the user is deleted again, always, even after a failure or Ctrl-C

Each step prints ✓ or ✗ with what it proves. The exit status is 1 when any
step failed. A client secret is read from Cognito to sign the requests and
never printed.

The confirmation code: without --email, the user's address is
cogwiz-try+<random>@example.com, an inbox nobody can read, so on AWS an
administrator confirms the user and try says so. Pass --email with an
address you can read (or --phone with a number, when the pool verifies
phone numbers): Cognito sends the code there and try asks you to type it
(Enter confirms as an administrator instead). The password reset code goes
there too. Against an emulator (--endpoint-url), which prints the codes it
sends, try asks for the code on a terminal. --yes never asks.`,
		Example: `  # on AWS: get the confirmation code in your own inbox and type it
  cogwiz try --email me@example.com

  # no questions: confirm the user as an administrator
  cogwiz try --yes --client web

  # against cognito-local, which prints the codes it sends
  cogwiz try --pool-id us-east-1_AbC123 --endpoint-url http://127.0.0.1:9229`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ctx = cmd.Context()
			if err := checkAddresses(opts, f.IOStreams); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return tryRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.PoolID, "pool-id", "", "user pool id (default: the pool of cognito.yaml)")
	cmd.Flags().StringVar(&opts.Client, "client", "", "app client name or id (default: the only one)")
	cmd.Flags().BoolVar(&opts.Yes, "yes", false, "ask nothing: confirm the user as an administrator")
	cmd.Flags().StringVar(&opts.Email, "email", "", "your email `ADDRESS`: Cognito sends the codes there, and try asks for them")
	cmd.Flags().StringVar(&opts.Phone, "phone", "", "your phone `NUMBER` (+15555550100): the codes come by text message")
	return cmd
}

// e164 is the phone number format Cognito accepts.
// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
var e164 = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`) })

// checkAddresses refuses an address or number Cognito would reject, and
// asking for a code where nobody can type it.
func checkAddresses(o *Options, ios *iostreams.IOStreams) error {
	if o.Email != "" {
		if a, err := mail.ParseAddress(o.Email); err != nil || a.Address != o.Email {
			return cmdutil.FlagErrorf("--email %q is not an email address: write it like me@example.com", o.Email)
		}
	}
	if o.Phone != "" && !e164().MatchString(o.Phone) {
		return cmdutil.FlagErrorf("--phone %q is not a phone number in E.164 form: write it like +15555550100", o.Phone)
	}
	if (o.Email != "" || o.Phone != "") && !o.Yes && !ios.CanPrompt() {
		return cmdutil.FlagErrorf("the code Cognito sends has to be typed, and there is no terminal: run try in a terminal, or add --yes to confirm the user as an administrator")
	}
	return nil
}

func tryRun(o *Options) error {
	ctx := o.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	ios := o.Factory.IOStreams
	api, err := o.Factory.Cognito(ctx)
	if err != nil {
		return err
	}
	s, err := users.Open(ctx, api, o.PoolID, o.Factory.ConfigFile)
	if err != nil {
		return hinted(err)
	}
	client, err := s.FindClient(ctx, o.Client)
	if err != nil {
		return hinted(err)
	}
	to := ""
	if mine := strings.Trim(o.Email+" "+o.Phone, " "); mine != "" {
		to = " (its codes go to " + strings.ReplaceAll(mine, " ", " and ") + ")"
	}
	fmt.Fprintf(ios.ErrOut, "trying pool %s with app client %s and a throw-away user%s…\n", s.PoolID, deref(client.ClientName), to)
	topts := users.TrialOptions{Client: client, Now: o.Now, Email: o.Email, Phone: o.Phone}
	// An emulator prints every code it sends, so any code can be typed.
	endpoint, _ := o.Factory.Endpoint()
	topts.AskAnyCode = endpoint != ""
	if !o.Yes && ios.CanPrompt() {
		in := bufio.NewReader(ios.In)
		topts.AskCode = func(ctx context.Context, sentTo string) (string, error) {
			q := "Confirmation code"
			if sentTo != "" {
				q += " (sent " + sentTo + ")"
			}
			line, err := cmdutil.ReadLine(ctx, in, ios.ErrOut, q+", or Enter to confirm as an administrator: ")
			return strings.TrimSpace(line), err
		}
	}
	var werr error
	width := 0 // the steps go to stdout: wrapped only on a terminal
	if ios.IsStdoutTTY() {
		width = ios.TerminalWidth()
	}
	topts.OnStep = func(st users.Step) {
		werr = errors.Join(werr, render.TryStep(ios.Out, st, width))
	}
	res, err := s.Trial(ctx, topts)
	if err != nil {
		return hinted(err)
	}
	if res.Claims != nil {
		werr = errors.Join(werr, render.TryClaims(ios.Out, res.Claims, o.Now()))
	}
	if werr != nil {
		return werr
	}
	if ctx.Err() != nil {
		return cmdutil.ErrCancelled
	}
	failed := 0
	for _, st := range res.Steps {
		if !st.OK && !st.Skipped {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(ios.ErrOut, "%d of %d steps failed\n", failed, len(res.Steps))
		return cmdutil.ErrSilent
	}
	fmt.Fprintf(ios.ErrOut, "all %d steps passed\n", len(res.Steps))
	return nil
}

func hinted(err error) error {
	var e *users.Error
	if errors.As(err, &e) && e.Hint != "" {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Err: err, Hint: e.Hint}
	}
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
