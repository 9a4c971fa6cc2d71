<?php
/**
 * Plugin Name: qaformat interview
 * Description: Adds a "Format interview" action to posts: sends the post's transcript to a qaformat service and stores the formatted Q&A as blocks.
 * Version: 0.1.0
 * Requires PHP: 7.4
 * License: MIT
 *
 * The transcript is the post's content as the editor pasted it. The first time the action runs,
 * that text is kept in the post meta field `_qaformat_transcript`, so running it again (after
 * changing the preset, say) starts from the transcript, not from the formatted blocks.
 * Settings > qaformat holds the service URL, the token and the preset.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

require_once __DIR__ . '/includes/class-qaformat-client.php';
require_once __DIR__ . '/includes/blocks.php';

const QAFORMAT_TRANSCRIPT_META = '_qaformat_transcript';

/** The client for the configured service. */
function qaformat_client() {
	return new Qaformat_Client(
		get_option( 'qaformat_service_url', 'http://127.0.0.1:8000' ),
		get_option( 'qaformat_token', '' )
	);
}

/* Settings > qaformat: the service URL, its token and the house preset. */
add_action(
	'admin_init',
	function () {
		register_setting( 'qaformat', 'qaformat_service_url', array( 'type' => 'string', 'sanitize_callback' => 'esc_url_raw', 'default' => 'http://127.0.0.1:8000' ) );
		register_setting( 'qaformat', 'qaformat_token', array( 'type' => 'string', 'sanitize_callback' => 'sanitize_text_field', 'default' => '' ) );
		register_setting( 'qaformat', 'qaformat_preset', array( 'type' => 'string', 'sanitize_callback' => 'sanitize_key', 'default' => 'newsroom' ) );
		add_settings_section( 'qaformat_service', __( 'qaformat service', 'qaformat' ), '__return_false', 'qaformat' );
		$fields = array(
			'qaformat_service_url' => array( __( 'Service URL', 'qaformat' ), 'url' ),
			'qaformat_token'       => array( __( 'Token', 'qaformat' ), 'password' ),
			'qaformat_preset'      => array( __( 'Preset', 'qaformat' ), 'text' ),
		);
		foreach ( $fields as $name => $field ) {
			add_settings_field(
				$name,
				$field[0],
				function () use ( $name, $field ) {
					printf(
						'<input type="%s" id="%s" name="%s" value="%s" class="regular-text">',
						esc_attr( $field[1] ),
						esc_attr( $name ),
						esc_attr( $name ),
						esc_attr( get_option( $name, '' ) )
					);
				},
				'qaformat',
				'qaformat_service',
				array( 'label_for' => $name )
			);
		}
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page(
			__( 'qaformat', 'qaformat' ),
			__( 'qaformat', 'qaformat' ),
			'manage_options',
			'qaformat',
			function () {
				echo '<div class="wrap"><h1>' . esc_html__( 'qaformat', 'qaformat' ) . '</h1><form method="post" action="options.php">';
				settings_fields( 'qaformat' );
				do_settings_sections( 'qaformat' );
				submit_button();
				echo '</form></div>';
			}
		);
	}
);

/* "Format interview" under each post in the list. */
add_filter(
	'post_row_actions',
	function ( $actions, $post ) {
		if ( current_user_can( 'edit_post', $post->ID ) ) {
			$url                          = wp_nonce_url( admin_url( 'admin-post.php?action=qaformat_format&post=' . $post->ID ), 'qaformat_format_' . $post->ID );
			$actions['qaformat_format'] = '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Format interview', 'qaformat' ) . '</a>';
		}
		return $actions;
	},
	10,
	2
);

add_action(
	'admin_post_qaformat_format',
	function () {
		$post_id = isset( $_GET['post'] ) ? absint( $_GET['post'] ) : 0;
		check_admin_referer( 'qaformat_format_' . $post_id );
		if ( ! $post_id || ! current_user_can( 'edit_post', $post_id ) ) {
			wp_die( esc_html__( 'You cannot edit this post.', 'qaformat' ), 403 );
		}
		$transcript = get_post_meta( $post_id, QAFORMAT_TRANSCRIPT_META, true );
		if ( '' === $transcript ) {
			$transcript = get_post_field( 'post_content', $post_id, 'raw' );
		}
		$options = array( 'preset' => get_option( 'qaformat_preset', 'newsroom' ) );
		try {
			$blocks = qaformat_block_markup( qaformat_client(), $transcript, $options );
		} catch ( Qaformat_Error $error ) {
			// The service's one-line message says what to fix ("no interview found: ...").
			wp_die( esc_html( $error->getMessage() ), esc_html__( 'The interview could not be formatted', 'qaformat' ), array( 'back_link' => true ) );
		}
		update_post_meta( $post_id, QAFORMAT_TRANSCRIPT_META, wp_slash( $transcript ) );
		wp_update_post( wp_slash( array( 'ID' => $post_id, 'post_content' => $blocks ) ) );
		wp_safe_redirect( get_edit_post_link( $post_id, 'url' ) );
		exit;
	}
);
