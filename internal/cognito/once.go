package cognito

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go/middleware"

	"github.com/cogwiz/cogwiz/internal/aws/awsclient"
)

// sendOnce keeps the SDK from sending a create again after a failure that
// leaves open whether Cognito made the resource: a 5xx, a timeout, a
// connection that broke once the request was on its way, an answer that
// could not be read. Cognito may have created the pool or client already,
// and a second request would make a second one (two pools with one
// resource-name tag, two clients with one name). Only a request that
// provably did nothing is sent again: one that never left (a refused
// connection) or that Cognito turned away (throttling). After an
// ambiguous failure the caller looks the resource up instead.
func sendOnce(o *cip.Options) {
	o.Retryer = awsclient.SendOnceUnless(o.Retryer, notApplied)
}

// notApplied reports whether a failed request provably changed nothing:
// the rule every AWS service here shares (it never reached the server, or
// the server answered with a client error), plus Cognito's own cases: an
// endpoint that does not have the operation changed nothing, and a
// timeout of ours leaves it open.
func notApplied(err error) bool {
	var te *TimeoutError
	if errors.As(err, &te) {
		return false
	}
	return IsUnsupported(err) || !awsclient.IsAmbiguous(err)
}

// IsAmbiguous reports whether err leaves open whether the request was
// applied: a 5xx, a timeout, a lost or unreadable answer. A create that
// fails so must be looked up before anything else; it is never sent again
// blindly.
func IsAmbiguous(err error) bool { return err != nil && !notApplied(err) }

// TimeoutError says that Cognito did not answer in time. The request may
// have been applied.
type TimeoutError struct {
	Op    string
	After time.Duration
	err   error
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("no answer from Cognito within %s", e.After)
}

// Cause is the underlying error, for debugging. TimeoutError does not
// unwrap to it, so that messages say "no answer" rather than the
// transport's wording.
func (e *TimeoutError) Cause() error { return e.err }

// deadline bounds each operation, retries included, and turns a timeout
// (of one attempt or of the whole call) into a TimeoutError.
func deadline(to Timeouts) func(*middleware.Stack) error {
	return func(st *middleware.Stack) error {
		return st.Initialize.Add(middleware.InitializeMiddlewareFunc("cogwiz:deadline", func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			parent := ctx
			ctx, cancel := context.WithTimeout(ctx, to.Call)
			defer cancel()
			out, md, err := next.HandleInitialize(ctx, in)
			if err == nil || parent.Err() != nil {
				return out, md, err
			}
			op := middleware.GetOperationName(ctx)
			if ctx.Err() == context.DeadlineExceeded {
				return out, md, &TimeoutError{Op: op, After: to.Call, err: err}
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				return out, md, &TimeoutError{Op: op, After: to.Attempt, err: err}
			}
			return out, md, err
		}), middleware.Before)
	}
}
