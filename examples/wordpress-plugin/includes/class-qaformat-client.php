<?php
/**
 * A small HTTP client for the qaformat service (`qaformat serve`).
 *
 * It needs nothing of WordPress: plain PHP streams, no cURL extension, so it can be tested and
 * reused anywhere. Every call answers the service's bytes or throws Qaformat_Error with the
 * service's problem document (status, code, one-line detail).
 */

if ( ! class_exists( 'Qaformat_Error' ) ) {
	/** The service refused a request, or could not be reached (status 0). */
	class Qaformat_Error extends RuntimeException {
		/** @var int HTTP status (0 when the service could not be reached). */
		public $status;
		/** @var string The problem's code, as `qaformat check` reports it (e.g. "no-interview"). */
		public $problem_code;

		public function __construct( $message, $status, $problem_code ) {
			parent::__construct( $message );
			$this->status       = $status;
			$this->problem_code = $problem_code;
		}
	}
}

if ( ! class_exists( 'Qaformat_Client' ) ) {
	class Qaformat_Client {
		/** @var string */
		private $base_url;
		/** @var string|null */
		private $token;
		/** @var int */
		private $timeout;

		/**
		 * @param string      $base_url The service, e.g. "http://127.0.0.1:8000".
		 * @param string|null $token    The bearer token, if the service was started with --token-file.
		 * @param int         $timeout  Seconds to wait for an answer.
		 */
		public function __construct( $base_url, $token = null, $timeout = 60 ) {
			$this->base_url = rtrim( $base_url, '/' );
			$this->token    = ( null === $token || '' === $token ) ? null : $token;
			$this->timeout  = $timeout;
		}

		/**
		 * Convert a transcript.
		 *
		 * @param string $input    The transcript: text, or the bytes of a file.
		 * @param string $to       An output format (see formats()).
		 * @param array  $options  Query options: preset, labels, title, note, standalone, speakers (an array,
		 *                         sent as JSON: array( 'EC' => array( 'name' => 'Emily Carter', 'role' => 'interviewer' ) )).
		 * @param string $filename The input's file name, if it has one (it picks the reader as a suffix does).
		 * @return array{body: string, content_type: string, filename: string|null}
		 * @throws Qaformat_Error When the service refuses or cannot be reached.
		 */
		public function convert( $input, $to = 'html', array $options = array(), $filename = null ) {
			$options['to'] = $to;
			if ( null !== $filename ) {
				$options['filename'] = $filename;
			}
			return $this->post( '/v1/convert', $input, $options );
		}

		/** The transcript's qaformat JSON with the diagnostics, decoded. */
		public function parse( $input, array $options = array() ) {
			return $this->decode( $this->post( '/v1/parse', $input, $options ) );
		}

		/** Render stored qaformat JSON (a string) in another format. */
		public function render( $json, $to = 'html', array $options = array() ) {
			$options['to'] = $to;
			return $this->post( '/v1/render', $json, $options, 'application/json' );
		}

		/** The diagnostics `qaformat check` would print, decoded. */
		public function check( $input, array $options = array() ) {
			return $this->decode( $this->post( '/v1/check', $input, $options ) );
		}

		/** The service's input and output formats, decoded. */
		public function formats() {
			return $this->decode( $this->request( 'GET', '/v1/formats', null, array(), null ) );
		}

		/** Whether the service can write an output format (e.g. "wordpress"). */
		public function has_output( $name ) {
			$formats = $this->formats();
			foreach ( $formats['output'] as $output ) {
				if ( $output['name'] === $name ) {
					return true;
				}
			}
			return false;
		}

		private function post( $path, $body, array $options, $type = 'application/octet-stream' ) {
			if ( isset( $options['speakers'] ) && is_array( $options['speakers'] ) ) {
				$options['speakers'] = json_encode( $options['speakers'], JSON_UNESCAPED_UNICODE );
			}
			foreach ( $options as $name => $value ) {
				if ( is_bool( $value ) ) {
					$options[ $name ] = $value ? 'true' : 'false';
				}
			}
			return $this->request( 'POST', $path, $body, $options, $type );
		}

		private function request( $method, $path, $body, array $query, $type ) {
			$headers = array( 'Accept: */*' );
			if ( null !== $type ) {
				$headers[] = 'Content-Type: ' . $type;
			}
			if ( null !== $this->token ) {
				$headers[] = 'Authorization: Bearer ' . $this->token;
			}
			$http = array(
				'method'        => $method,
				'header'        => implode( "\r\n", $headers ),
				'ignore_errors' => true,
				'timeout'       => $this->timeout,
			);
			if ( null !== $body ) {
				$http['content'] = $body;
			}
			$url    = $this->base_url . $path . ( $query ? '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ) : '' );
			$answer = @file_get_contents( $url, false, stream_context_create( array( 'http' => $http ) ) );
			$lines  = function_exists( 'http_get_last_response_headers' ) ? http_get_last_response_headers() : ( isset( $http_response_header ) ? $http_response_header : null );
			if ( false === $answer || empty( $lines ) ) {
				throw new Qaformat_Error( 'the qaformat service could not be reached at ' . $this->base_url, 0, 'unreachable' );
			}
			$status  = 0;
			$headers = array();
			foreach ( $lines as $line ) {
				if ( preg_match( '#^HTTP/\S+\s+(\d{3})#', $line, $match ) ) {
					$status  = (int) $match[1];
					$headers = array();  // a redirect starts a new set
				} elseif ( false !== strpos( $line, ':' ) ) {
					list( $name, $value )              = explode( ':', $line, 2 );
					$headers[ strtolower( $name ) ] = trim( $value );
				}
			}
			$content_type = isset( $headers['content-type'] ) ? $headers['content-type'] : '';
			if ( $status >= 400 ) {
				$problem = json_decode( $answer, true );
				$detail  = is_array( $problem ) && isset( $problem['detail'] ) ? $problem['detail'] : 'the service answered ' . $status;
				$code    = is_array( $problem ) && isset( $problem['code'] ) ? $problem['code'] : 'http-' . $status;
				throw new Qaformat_Error( $detail, $status, $code );
			}
			$filename = null;
			if ( isset( $headers['content-disposition'] ) && preg_match( '/filename="([^"]+)"/', $headers['content-disposition'], $match ) ) {
				$filename = $match[1];
			}
			return array( 'body' => $answer, 'content_type' => $content_type, 'filename' => $filename );
		}

		private function decode( array $answer ) {
			return json_decode( $answer['body'], true );
		}
	}
}
