// Package awsclient holds what the AWS service edges under internal/aws
// share: the endpoint override, and sending a create once.
package awsclient

import (
	"errors"
	"net"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// SendOnce wraps a retryer so that a create is not sent again after a
// failure that leaves open whether AWS made the resource: a 5xx, a
// timeout, a connection that broke once the request was on its way. A
// second request could make a second identity pool (names are not unique)
// or fail on a role that the first one made. Only a request that provably
// did nothing is sent again: one that never left (a refused connection)
// or that AWS turned away (throttling). After an ambiguous failure the
// caller looks the resource up instead.
func SendOnce(r aws.Retryer) aws.Retryer {
	return SendOnceUnless(r, func(err error) bool { return !IsAmbiguous(err) })
}

// SendOnceUnless is SendOnce with the service's own rule for a failure
// that provably changed nothing (and so may be sent again).
func SendOnceUnless(r aws.Retryer, notApplied func(error) bool) aws.Retryer {
	if v2, ok := r.(aws.RetryerV2); ok {
		return &sendOnceRetryer{RetryerV2: v2, notApplied: notApplied}
	}
	return r
}

type sendOnceRetryer struct {
	aws.RetryerV2
	notApplied func(error) bool
}

func (r *sendOnceRetryer) IsErrorRetryable(err error) bool {
	return r.notApplied(err) && r.RetryerV2.IsErrorRetryable(err)
}

// IsAmbiguous reports whether err leaves open whether the request was
// applied: anything but a request that never left or a 4xx answer.
func IsAmbiguous(err error) bool {
	if err == nil {
		return false
	}
	var rse *smithyhttp.RequestSendError
	if errors.As(err, &rse) {
		var ne *net.OpError
		return !(errors.As(err, &ne) && ne.Op == "dial")
	}
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode() >= 500
	}
	// No HTTP answer at all (a timeout, a cancelled context): unknown.
	return true
}

// ARNRegionAccount is the region and account of an ARN
// (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE); empty when arn has
// fewer parts.
func ARNRegionAccount(arn string) (region, account string) {
	parts := strings.Split(arn, ":")
	if len(parts) < 6 {
		return "", ""
	}
	return parts[3], parts[4]
}

// TagResourceName is the tag that carries cognito.yaml's resource_name on
// everything cogwiz makes (user pool, identity pool, roles, functions): how
// it finds them again from any machine, with no local state.
const TagResourceName = "cogwiz:resource-name"

// HasTags reports whether have holds every tag of want with its value
// (others may tag a resource too).
func HasTags(have, want map[string]string) bool {
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}

// ErrorCode is the AWS error code of err ("" when it is not an AWS error).
func ErrorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// Endpoint sets a client's BaseEndpoint when url is not empty (tests and
// emulators; AWS_ENDPOINT_URL_<SERVICE> works through the configuration).
func Endpoint(url string) *string {
	if url == "" {
		return nil
	}
	return aws.String(url)
}
